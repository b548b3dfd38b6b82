package fr.relais.intake.view;

import fr.relais.intake.boundary.Intake;
import fr.relais.intake.entity.Chat;
import fr.relais.intake.entity.ChatMessage;
import fr.relais.qualification.boundary.Qualifications;
import fr.relais.qualification.entity.Report;
import fr.relais.shared.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** An operator's screen: the platform's queue, the chats held, the reports in progress. */
@Named
@ViewScoped
public class QueueView implements Serializable {
    @EJB
    Intake intake;

    @EJB
    Qualifications qualifications;

    private List<Chat> queue;
    private List<Chat> mine;
    private List<Report> reports;
    private Long selectedChat;
    private List<ChatMessage> messages = List.of();

    @PostConstruct
    void load() {
        queue = intake.queue();
        mine = intake.mine();
        reports = qualifications.inProgress();
        if (selectedChat != null) {
            messages = intake.messagesForStaff(selectedChat);
        }
    }

    public void take(long chatId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            intake.take(chatId);
            selectedChat = chatId;
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(faces, "operator.taken"), null));
        } catch (DomainException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, e.getMessage(), null));
        }
        load();
    }

    public void select(long chatId) {
        selectedChat = chatId;
        load();
    }

    private static String text(FacesContext faces, String key) {
        return faces.getApplication().getResourceBundle(faces, "msg").getString(key);
    }

    public List<Chat> getQueue() {
        return queue;
    }

    public List<Chat> getMine() {
        return mine;
    }

    public List<Report> getReports() {
        return reports;
    }

    public Long getSelectedChat() {
        return selectedChat;
    }

    public List<ChatMessage> getMessages() {
        return messages;
    }
}
