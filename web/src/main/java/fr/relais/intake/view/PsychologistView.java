package fr.relais.intake.view;

import fr.relais.directory.boundary.Directory;
import fr.relais.intake.boundary.ChatLine;
import fr.relais.intake.boundary.Intake;
import fr.relais.intake.boundary.Transfers;
import fr.relais.intake.control.Topic;
import fr.relais.intake.entity.Chat;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The psychologist's screen: the conversations handed to them, the same conversation view as the
 * operators' (messages pushed, reply, close), and the transfer back to the platform's queue or to an
 * operator.
 */
@Named
@ViewScoped
public class PsychologistView implements Serializable {
    private static final List<Chat.Outcome> CLOSING_OUTCOMES =
            List.of(Chat.Outcome.INFORMATION, Chat.Outcome.EMERGENCY_REDIRECT, Chat.Outcome.ABANDONED);
    /** A psychologist hands a conversation back: to the queue, or to an operator of the platform. */
    private static final List<Transfers.Target> TARGETS = List.of(Transfers.Target.QUEUE, Transfers.Target.COLLEAGUE);

    @EJB
    Intake intake;

    @EJB
    Transfers transfers;

    @EJB
    Directory directory;

    private List<Chat> mine;
    private Long selectedChat;
    private List<ChatLine> messages = List.of();
    private String reply;
    private Chat.Outcome outcome = Chat.Outcome.INFORMATION;
    private final ClosingConfirmation closing = new ClosingConfirmation();
    private final TransferForm transfer = new TransferForm(Transfers.Target.QUEUE);
    private String platform;
    private List<Transfers.Person> people = List.of();

    @PostConstruct
    void init() {
        var caller = directory.currentCaller();
        platform = caller.platform() == null ? null : caller.platform().name();
        people = transfers.people();
        load();
    }

    public void refresh() {
        load();
    }

    void load() {
        mine = intake.mine();
        if (selectedChat == null && !mine.isEmpty()) {
            selectedChat = mine.get(0).id();
        }
        if (selectedChat != null && mine.stream().noneMatch(c -> c.id().equals(selectedChat))) {
            selectedChat = null;
        }
        messages = selectedChat == null ? List.of() : intake.transcript(selectedChat);
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
            selectedChat = null;
        } catch (DomainException e) {
            Messages.refused(e);
        }
        load();
    }

    public void transfer() {
        if (transfer.submit(transfers, selectedChat)) {
            selectedChat = null;
        }
        load();
    }

    public List<Chat.Outcome> getClosingOutcomes() {
        boolean reported = mine.stream().anyMatch(c -> c.id().equals(selectedChat) && c.reportsMade() > 0);
        List<Chat.Outcome> outcomes = new ArrayList<>();
        if (reported) {
            outcomes.add(Chat.Outcome.REPORT);
        }
        outcomes.addAll(CLOSING_OUTCOMES);
        return outcomes;
    }

    public List<Transfers.Target> getTransferTargets() {
        return TARGETS;
    }

    /** Operators only: a psychologist hands back to the officers. */
    public List<Transfers.Person> getPeople() {
        return people;
    }

    public String topicLabel(String topic) {
        return Topic.of(topic).map(t -> Messages.text("topic." + t.name())).orElse(topic);
    }

    public String getPlatform() {
        return platform;
    }

    public List<Chat> getMine() {
        return mine;
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

    public TransferForm getTransfer() {
        return transfer;
    }
}
