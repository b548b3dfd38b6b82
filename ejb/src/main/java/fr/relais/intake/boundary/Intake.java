package fr.relais.intake.boundary;

import fr.relais.anonymisation.boundary.Anonymisation;
import fr.relais.directory.boundary.Caller;
import fr.relais.directory.boundary.Directory;
import fr.relais.intake.control.Topic;
import fr.relais.intake.entity.Chat;
import fr.relais.intake.entity.ChatMessage;
import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import fr.relais.shared.Role;
import fr.relais.workflow.ProcessVariables;
import fr.relais.workflow.Workflow;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Chats: opened by citizens, queued by platform, taken in charge and ended by operators. */
@Stateless
public class Intake {
    public static final Set<String> DOORS =
            Arrays.stream(Topic.Door.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @EJB
    Workflow workflow;

    @EJB
    Directory directory;

    @EJB
    Anonymisation anonymisation;

    /** Tells the screens what changed; observers act after the commit. */
    @Inject
    Event<ChatEvent> events;

    Clock clock = Clock.systemUTC();

    /** What a citizen gets back: the chat and the secret token that alone gives access to it. */
    public record OpenedChat(Chat chat, String token) {}

    /**
     * Opens a chat. A topic of the routing table ({@link Topic}) decides the platform and must sit
     * behind the given door; any other topic is free text and the platform defaults to the
     * generalist one.
     */
    @PermitAll
    public OpenedChat open(Platform platform, String door, String topic, String firstMessage) {
        if (door == null || !DOORS.contains(door)) {
            throw DomainException.invalid("invalid_door", "Porte d'entrée inconnue.");
        }
        if (topic != null && topic.length() > 60) {
            throw DomainException.invalid("invalid_topic", "Sujet trop long.");
        }
        Optional<Topic> routed = Topic.of(topic);
        if (routed.isPresent()) {
            if (!routed.get().door().name().equals(door)) {
                throw DomainException.invalid("invalid_topic", "Ce sujet n'est pas proposé derrière cette porte.");
            }
            if (platform != null && platform != routed.get().platform()) {
                throw DomainException.invalid("invalid_platform", "Ce sujet est traité par une autre plateforme.");
            }
            platform = routed.get().platform();
        } else if (platform == null) {
            platform = Platform.GENERALIST;
        }
        String token = newToken();
        Instant now = clock.instant();
        Chat chat = new Chat(platform, door, topic, hash(token), now);
        if (routed.map(Topic::dangerNow).orElse(false)) {
            chat.markDangerNow();
        }
        em.persist(chat);
        em.flush();
        if (firstMessage != null && !firstMessage.isBlank()) {
            em.persist(new ChatMessage(chat.id(), ChatMessage.Author.CITIZEN, checkedText(firstMessage), now));
        }
        chat.attachProcess(workflow.startConversation(chat.id(), platform.name()));
        events.fire(new ChatEvent.QueueChanged(chat.id(), platform));
        return new OpenedChat(chat, token);
    }

    /** The waiting chats of the caller's platform: danger-now first, then oldest first. */
    @RolesAllowed({Role.OPERATOR, Role.SUPERVISOR, Role.PSYCHOLOGIST})
    public List<Chat> queue() {
        Caller caller = directory.currentCaller();
        if (caller.platform() == null) {
            throw DomainException.forbidden("Aucune plateforme associée.");
        }
        return em.createNamedQuery(Chat.BY_PLATFORM_AND_STATUS, Chat.class)
                .setParameter("platform", caller.platform())
                .setParameter("status", Chat.Status.WAITING)
                .getResultList();
    }

    /** The chats the calling operator holds now. */
    @RolesAllowed({Role.OPERATOR, Role.PSYCHOLOGIST})
    public List<Chat> mine() {
        return em.createNamedQuery(Chat.TAKEN_BY, Chat.class)
                .setParameter("operator", directory.currentCaller().username())
                .getResultList();
    }

    /**
     * Takes a waiting chat in charge. The row lock makes concurrent takes queue behind each other:
     * the first wins, the others see it taken and get a conflict.
     */
    @RolesAllowed(Role.OPERATOR)
    public Chat take(long chatId) {
        Caller caller = directory.currentCaller();
        Chat chat = lockedChatOfPlatform(chatId, caller);
        chat.takeBy(caller.username(), clock.instant());
        workflow.complete(
                chat.processInstanceId(),
                ProcessVariables.TASK_TAKE_CHAT,
                caller.actor(),
                Map.of(ProcessVariables.OPERATOR, caller.username()));
        events.fire(new ChatEvent.QueueChanged(chat.id(), chat.platform()));
        return chat;
    }

    /**
     * Ends a conversation: information given, emergency redirect, abandonment, or closed after the
     * reports made from it ({@link Chat.Outcome#REPORT}, refused when none was made).
     */
    @RolesAllowed(Role.OPERATOR)
    public Chat close(long chatId, Chat.Outcome outcome) {
        if (outcome == null) {
            throw DomainException.invalid("invalid_outcome", "Issue de conversation invalide.");
        }
        Caller caller = directory.currentCaller();
        Chat chat = heldChat(chatId, caller);
        chat.close(outcome, clock.instant());
        workflow.complete(
                chat.processInstanceId(),
                ProcessVariables.TASK_HOLD_CONVERSATION,
                caller.actor(),
                Map.of(ProcessVariables.CONVERSATION_OUTCOME, outcome.name()));
        events.fire(new ChatEvent.QueueChanged(chat.id(), chat.platform()));
        return chat;
    }

    /**
     * Records that the calling operator made a report from the chat they hold; the conversation goes
     * on. Called by the qualification component, which starts the report's lifecycle.
     */
    @RolesAllowed(Role.OPERATOR)
    public Chat recordReport(long chatId) {
        Chat chat = heldChat(chatId, directory.currentCaller());
        chat.recordReport();
        return chat;
    }

    /** A chat held by {@code caller}, locked for update. */
    private Chat heldChat(long chatId, Caller caller) {
        Chat chat = lockedChatOfPlatform(chatId, caller);
        if (!chat.isHeldBy(caller.username())) {
            throw DomainException.conflict("chat_not_held", "Cette conversation n'est pas tenue par vous.");
        }
        return chat;
    }

    /** A citizen's message, allowed only with the chat's token. */
    @PermitAll
    public ChatMessage postAsCitizen(long chatId, String token, String text) {
        Chat chat = citizenChat(chatId, token);
        if (chat.status() == Chat.Status.CLOSED) {
            throw DomainException.conflict("chat_closed", "Cette conversation est terminée.");
        }
        ChatMessage message =
                new ChatMessage(chat.id(), ChatMessage.Author.CITIZEN, checkedText(text), clock.instant());
        return posted(chat, message);
    }

    @RolesAllowed(Role.OPERATOR)
    public ChatMessage postAsOperator(long chatId, String text) {
        Chat chat = heldChat(chatId, directory.currentCaller());
        ChatMessage message =
                new ChatMessage(chat.id(), ChatMessage.Author.OPERATOR, checkedText(text), clock.instant());
        return posted(chat, message);
    }

    /** Stores a message and announces it, with its id (hence the flush), for after the commit. */
    private ChatMessage posted(Chat chat, ChatMessage message) {
        em.persist(message);
        em.flush();
        events.fire(new ChatEvent.Posted(chat.id(), chat.platform(), chat.operator(), ChatLine.of(message)));
        return message;
    }

    /** Checks a citizen's token for a chat (a live connection's first message); 404 as for the API. */
    @PermitAll
    public void authenticateCitizen(long chatId, String token) {
        citizenChat(chatId, token);
    }

    @PermitAll
    public List<ChatLine> messagesForCitizen(long chatId, String token) {
        return messages(citizenChat(chatId, token).id()).stream()
                .filter(m -> m.author().isPerson())
                .map(ChatLine::of)
                .toList();
    }

    /**
     * The conversation for staff: as told for the chat's platform; for auditors, every personal datum
     * the anonymisation engine finds is redacted.
     */
    @RolesAllowed({Role.OPERATOR, Role.SUPERVISOR, Role.PSYCHOLOGIST, Role.AUDITOR})
    public List<ChatLine> transcript(long chatId) {
        Caller caller = directory.currentCaller();
        Chat chat = visibleChat(chatId, caller);
        boolean redacted = caller.has(Role.AUDITOR);
        return messages(chat.id()).stream()
                .map(m -> redacted
                        ? ChatLine.of(m, anonymisation.redact(m.text(), null).text())
                        : ChatLine.of(m))
                .toList();
    }

    /** A chat as staff may see it: their own platform's, or any for auditors. */
    @RolesAllowed({Role.OPERATOR, Role.SUPERVISOR, Role.PSYCHOLOGIST, Role.AUDITOR})
    public Chat chat(long chatId) {
        return visibleChat(chatId, directory.currentCaller());
    }

    private Chat visibleChat(long chatId, Caller caller) {
        Chat chat = em.find(Chat.class, chatId);
        if (chat == null) {
            throw DomainException.notFound("chat_not_found", "Conversation introuvable.");
        }
        if (!caller.has(Role.AUDITOR) && !caller.worksOn(chat.platform())) {
            // another platform's chat does not exist for this caller
            throw DomainException.notFound("chat_not_found", "Conversation introuvable.");
        }
        return chat;
    }

    /** The chat, locked for update, if it belongs to the caller's platform. */
    private Chat lockedChatOfPlatform(long chatId, Caller caller) {
        Chat chat = em.find(Chat.class, chatId, LockModeType.PESSIMISTIC_WRITE);
        if (chat == null || !caller.worksOn(chat.platform())) {
            throw DomainException.notFound("chat_not_found", "Conversation introuvable.");
        }
        return chat;
    }

    private List<ChatMessage> messages(long chatId) {
        return em.createNamedQuery(ChatMessage.OF_CHAT, ChatMessage.class)
                .setParameter("chatId", chatId)
                .getResultList();
    }

    private Chat citizenChat(long chatId, String token) {
        Chat chat = em.find(Chat.class, chatId);
        // same answer for an unknown chat and a wrong token: nothing to probe
        if (chat == null
                || token == null
                || !MessageDigest.isEqual(
                        hash(token).getBytes(StandardCharsets.US_ASCII),
                        chat.citizenTokenHash().getBytes(StandardCharsets.US_ASCII))) {
            throw DomainException.notFound("chat_not_found", "Conversation introuvable.");
        }
        return chat;
    }

    static String checkedText(String text) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid("empty_message", "Le message est vide.");
        }
        if (text.length() > ChatMessage.MAX_LENGTH) {
            throw DomainException.invalid("message_too_long", "Le message dépasse 5000 caractères.");
        }
        return text;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
