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
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the operators' and the psychologist's screens share (with {@code WEB-INF/intake/conversations.xhtml}):
 * the conversations the caller holds, each with its unread citizen messages, and the conversation open
 * among them (messages pushed, reply, close, transfer). Opening a conversation reads it, which clears
 * its unread marker on the server ({@link Intake#read}).
 */
public abstract class ConversationScreen implements Serializable {
    /** How a conversation may end, in the order offered; REPORT first once a report was made from it. */
    private static final List<Chat.Outcome> CLOSING_OUTCOMES =
            List.of(Chat.Outcome.INFORMATION, Chat.Outcome.EMERGENCY_REDIRECT, Chat.Outcome.ABANDONED);

    @EJB
    Intake intake;

    @EJB
    Transfers transfers;

    @EJB
    Directory directory;

    private List<Chat> mine = List.of();
    private Map<Long, Integer> unread = Map.of();
    private Long selectedChat;
    private List<ChatLine> messages = List.of();
    private String reply;
    private Chat.Outcome outcome = Chat.Outcome.INFORMATION;
    private final ClosingConfirmation closing = new ClosingConfirmation();
    private final TransferForm transfer;
    private String platform;
    private List<Transfers.Person> people = List.of();

    protected ConversationScreen(Transfers.Target defaultTarget) {
        this.transfer = new TransferForm(defaultTarget);
    }

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

    /** Reloads the screen's own parts; the held conversations come after, in {@link #load}. */
    protected void loadOthers() {}

    /** Whether a conversation is opened at once when none is (the psychologist's screen). */
    protected boolean opensFirst() {
        return false;
    }

    void load() {
        loadOthers();
        mine = intake.mine();
        if (selectedChat == null && opensFirst() && !mine.isEmpty()) {
            selectedChat = mine.get(0).id();
        }
        if (selectedChat != null && mine.stream().noneMatch(c -> c.id().equals(selectedChat))) {
            selectedChat = null;
        }
        // read first: the open conversation has nothing unread
        messages = selectedChat == null ? List.of() : intake.read(selectedChat);
        unread = intake.unread();
    }

    public void select(long chatId) {
        selectedChat = chatId;
        load();
    }

    /** Opens a conversation the caller has just received, once it is theirs. */
    protected void opened(long chatId) {
        selectedChat = chatId;
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

    /** Closes the open conversation; without a report, once confirmed ({@link ClosingConfirmation}). */
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

    /** Transfers the open conversation to a colleague, the psychologist, the other platform or the queue. */
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

    /** Where the screen's user may transfer a conversation. */
    public abstract List<Transfers.Target> getTransferTargets();

    /** Colleagues and psychologists of the platform, for a transfer to a named person. */
    public List<Transfers.Person> getPeople() {
        return people;
    }

    /** Citizen messages of a held conversation that arrived since the caller last read it. */
    public int unread(Chat chat) {
        return unread.getOrDefault(chat.id(), 0);
    }

    /** A topic of the routing table by its French label; a free topic as typed. */
    public String topicLabel(String topic) {
        return Topic.of(topic).map(t -> Messages.text("topic." + t.name())).orElse(topic);
    }

    /** The "user" of the queue's push channel: the caller's platform. */
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
