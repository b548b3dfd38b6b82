package fr.relais.intake.view;

import fr.relais.directory.boundary.Directory;
import fr.relais.intake.boundary.ChatLine;
import fr.relais.intake.boundary.Intake;
import fr.relais.intake.boundary.Transfers;
import fr.relais.intake.control.Topic;
import fr.relais.intake.entity.Chat;
import fr.relais.qualification.boundary.CitizenReports;
import fr.relais.qualification.boundary.FormReportCase;
import fr.relais.qualification.boundary.Qualifications;
import fr.relais.qualification.boundary.StaffReport;
import fr.relais.qualification.entity.Report;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An operator's screen: the platform's queue, the reports received by the public form to check, the chats
 * held, the reports in progress.
 */
@Named
@ViewScoped
public class QueueView implements Serializable {
    /** How an operator may end a conversation, in the order offered; REPORT once a report was made from it. */
    private static final List<Chat.Outcome> CLOSING_OUTCOMES =
            List.of(Chat.Outcome.INFORMATION, Chat.Outcome.EMERGENCY_REDIRECT, Chat.Outcome.ABANDONED);

    @EJB
    Intake intake;

    @EJB
    Qualifications qualifications;

    @EJB
    CitizenReports citizenReports;

    @EJB
    Directory directory;

    @EJB
    Transfers transfers;

    Clock clock = Clock.systemUTC();

    private List<Chat> queue;
    private List<Chat> mine;
    private List<Report> reports;
    private List<FormReportCase> formReports;
    private Long selectedChat;

    private final ClosingConfirmation closing = new ClosingConfirmation();

    private List<ChatLine> messages = List.of();
    private String reply;
    private Chat.Outcome outcome = Chat.Outcome.INFORMATION;
    private String platform;
    private Instant loadedAt;
    private final TransferForm transfer = new TransferForm(Transfers.Target.COLLEAGUE);
    private List<Transfers.Person> people = List.of();

    @PostConstruct
    void init() {
        var caller = directory.currentCaller();
        platform = caller.platform() == null ? null : caller.platform().name();
        people = transfers.people();
        load();
    }

    /** Reloads what the screen shows, when a push says it changed. */
    public void refresh() {
        load();
    }

    void load() {
        loadedAt = clock.instant();
        queue = intake.queue();
        mine = intake.mine();
        reports = qualifications.inProgress();
        formReports = citizenReports.awaitingOperator();
        if (selectedChat != null && mine.stream().noneMatch(c -> c.id().equals(selectedChat))) {
            selectedChat = null;
        }
        messages = selectedChat == null ? List.of() : intake.transcript(selectedChat);
    }

    public void take(long chatId) {
        try {
            intake.take(chatId);
            selectedChat = chatId;
            Messages.info("operator.taken");
        } catch (DomainException e) {
            Messages.refused(e);
        }
        load();
    }

    public void select(long chatId) {
        selectedChat = chatId;
        load();
    }

    public void send() {
        try {
            intake.postAsOperator(selectedChat, reply);
            reply = null;
        } catch (DomainException e) {
            Messages.refused(e);
        }
        load();
    }

    /** Closes the selected conversation; without a report, once confirmed ({@link ClosingConfirmation}). */
    public void close() {
        if (!closing.mayClose(selectedChat, outcome, mine)) {
            load();
            return;
        }
        try {
            intake.close(selectedChat, outcome);
            Messages.info("operator.closed");
        } catch (DomainException e) {
            Messages.refused(e);
        }
        load();
    }

    /** Transfers the selected conversation to a colleague, the psychologist, the other platform or the queue. */
    public void transfer() {
        if (transfer.submit(transfers, selectedChat)) {
            selectedChat = null;
        }
        load();
    }

    public List<Transfers.Target> getTransferTargets() {
        return List.of(Transfers.Target.values());
    }

    /** Colleagues and psychologists of the platform, for a transfer to a named person. */
    public List<Transfers.Person> getPeople() {
        return people;
    }

    public TransferForm getTransfer() {
        return transfer;
    }

    /** Makes a report from the selected conversation, which goes on, and opens the report's qualification form. */
    public String report() {
        try {
            StaffReport report = qualifications.startReport(selectedChat);
            return "/qualification/form?faces-redirect=true&id=" + report.id();
        } catch (DomainException e) {
            Messages.refused(e);
            load();
            return null;
        }
    }

    public List<Chat.Outcome> getClosingOutcomes() {
        boolean reported = mine.stream().anyMatch(c -> c.id().equals(selectedChat) && c.reportsMade() > 0);
        if (!reported) {
            return CLOSING_OUTCOMES;
        }
        List<Chat.Outcome> outcomes = new ArrayList<>(List.of(Chat.Outcome.REPORT));
        outcomes.addAll(CLOSING_OUTCOMES);
        return outcomes;
    }

    /** The "user" of the queue's push channel: the caller's platform, whose queue the screen shows. */
    public String getPlatform() {
        return platform;
    }

    public long waitingSeconds(Chat chat) {
        return Waiting.seconds(chat.queuedAt(), loadedAt);
    }

    public String waitingMarker(Chat chat) {
        return Waiting.marker(waitingSeconds(chat));
    }

    /** A topic of the routing table by its French label; a free topic as typed. */
    public String topicLabel(String topic) {
        return Topic.of(topic).map(t -> Messages.text("topic." + t.name())).orElse(topic);
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

    /** Reports received by the public form that no operator of the platform has checked yet. */
    public List<FormReportCase> getFormReports() {
        return formReports;
    }

    public Long getSelectedChat() {
        return selectedChat;
    }

    public List<ChatLine> getMessages() {
        return messages;
    }

    public String getReply() {
        return reply;
    }

    public void setReply(String reply) {
        this.reply = reply;
    }

    public Chat.Outcome getOutcome() {
        return outcome;
    }

    public void setOutcome(Chat.Outcome outcome) {
        this.outcome = outcome;
    }
}
