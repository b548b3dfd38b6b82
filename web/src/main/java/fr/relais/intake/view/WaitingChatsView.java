package fr.relais.intake.view;

import fr.relais.intake.boundary.Intake;
import fr.relais.intake.control.Topic;
import fr.relais.intake.entity.Chat;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A supervisor's list of the platform's waiting chats, to close a batch of them as spam in one
 * action ({@code /supervisor/waiting-chats.xhtml}; under {@code supervisor/} like the rerouting
 * screen, for the path-based access rule).
 */
@Named
@ViewScoped
public class WaitingChatsView implements Serializable {
    @EJB
    Intake intake;

    Clock clock = Clock.systemUTC();

    private List<Chat> chats;
    private Instant loadedAt;
    private final Map<Long, Boolean> selected = new HashMap<>();

    @PostConstruct
    void load() {
        loadedAt = clock.instant();
        chats = intake.queue();
        selected.keySet().retainAll(chats.stream().map(Chat::id).toList());
    }

    public void refresh() {
        load();
    }

    /** Closes the ticked chats as spam, then says how many were closed and how many were left as they were. */
    public void closeAsSpam() {
        List<Long> ids = selected.entrySet().stream()
                .filter(e -> Boolean.TRUE.equals(e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        if (ids.isEmpty()) {
            Messages.info("spam.noneSelected");
            return;
        }
        try {
            Intake.SpamClosing done = intake.closeAsSpam(ids);
            say(FacesMessage.SEVERITY_INFO, "spam.closed", done.closed().size());
            if (!done.refused().isEmpty()) {
                say(FacesMessage.SEVERITY_WARN, "spam.refused", done.refused().size());
            }
            selected.clear();
        } catch (DomainException e) {
            Messages.refused(e);
        }
        load();
    }

    public long waitingSeconds(Chat chat) {
        return Waiting.seconds(chat.createdAt(), loadedAt);
    }

    public String waitingMarker(Chat chat) {
        return Waiting.marker(waitingSeconds(chat));
    }

    /** A topic of the routing table by its French label; a free topic as typed (rendered escaped). */
    public String topicLabel(String topic) {
        return Topic.of(topic).map(t -> Messages.text("topic." + t.name())).orElse(topic);
    }

    public List<Chat> getChats() {
        return chats;
    }

    public Map<Long, Boolean> getSelected() {
        return selected;
    }

    private static void say(FacesMessage.Severity severity, String key, int count) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().getFlash().setKeepMessages(true);
        faces.addMessage(
                null,
                new FacesMessage(
                        severity,
                        new MessageFormat(Messages.text(key), Locale.FRENCH).format(new Object[] {count}),
                        null));
    }
}
