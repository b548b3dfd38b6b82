package fr.relais.intake.boundary;

import fr.relais.anonymisation.boundary.Anonymisation;
import fr.relais.anonymisation.control.ReporterIdentity;
import fr.relais.audit.boundary.AuditTrail;
import fr.relais.audit.boundary.Chain;
import fr.relais.directory.boundary.Caller;
import fr.relais.directory.boundary.Directory;
import fr.relais.intake.control.ChatLimits;
import fr.relais.intake.control.Idempotency;
import fr.relais.intake.control.Topic;
import fr.relais.intake.entity.Chat;
import fr.relais.intake.entity.ChatMessage;
import fr.relais.intake.entity.ChatMilestone;
import fr.relais.intake.entity.IdempotencyKey;
import fr.relais.operators.boundary.Operators;
import fr.relais.privacy.boundary.Seals;
import fr.relais.qualification.entity.Report;
import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import fr.relais.shared.RateLimited;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
    AuditTrail trail;

    @EJB
    Workflow workflow;

    @EJB
    Directory directory;

    @EJB
    Anonymisation anonymisation;

    @EJB
    Operators operators;

    @EJB
    Transfers transfers;

    /** Tells the screens what changed; observers act after the commit. */
    @Inject
    Event<ChatEvent> events;

    @Inject
    ChatLimits limits;

    Clock clock = Clock.systemUTC();

    @EJB
    IdempotencyKeys idempotencyKeys;

    @EJB
    Seals seals;

    /** What a citizen gets back: the chat and the secret token that alone gives access to it. */
    public record OpenedChat(Chat chat, String token) {}

    /** Code of the refusal when a concurrent request holds the same idempotency key: retry, and get its result. */
    public static final String IDEMPOTENCY_RACE = "idempotency_key_in_use";

    /** Most chats closed as spam in one batch. */
    public static final int MAX_SPAM_BATCH = 200;

    /** What a batch close as spam did: the chats closed, and why each other one was not. */
    public record SpamClosing(List<Long> closed, Map<Long, String> refused) {}

    /** Opens a chat without an idempotency key. */
    @PermitAll
    public OpenedChat open(Platform platform, String door, String topic, String firstMessage) {
        return open(platform, door, topic, firstMessage, null);
    }

    /**
     * Opens a chat. A topic of the routing table ({@link Topic}) decides the platform and must sit
     * behind the given door; any other topic is free text and the platform defaults to the
     * generalist one. With an idempotency key, a retry with the same key and the same request returns the chat the first
     * one opened, with the same token, and opens nothing (422 {@code idempotency_key_reused} with another
     * request). The key's row is inserted first: a concurrent request with the same key waits on its
     * unique index, then is refused with {@link #IDEMPOTENCY_RACE}, and its retry finds the result.
     */
    @PermitAll
    public OpenedChat open(Platform platform, String door, String topic, String firstMessage, String idempotencyKey) {
        String key = Idempotency.checked(idempotencyKey);
        IdempotencyKey claimed = null;
        if (key != null) {
            String requestHash =
                    Idempotency.requestHash(platform == null ? null : platform.name(), door, topic, firstMessage);
            String keyHash = Idempotency.keyHash("open", key);
            Optional<IdempotencyKey> earlier = idempotencyKeys.earlier(keyHash, requestHash, clock.instant());
            if (earlier.isPresent()) {
                IdempotencyKey used = earlier.get();
                return new OpenedChat(em.find(Chat.class, used.chatId()), Idempotency.unseal(used.sealedToken(), key));
            }
            claimed = idempotencyKeys.claim(keyHash, requestHash, clock.instant());
        }
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
        boolean withMessage = firstMessage != null && !firstMessage.isBlank();
        if (withMessage) {
            chat.addCitizenText(checkedText(firstMessage).length(), limits.chatCharacters());
        }
        if (routed.map(Topic::dangerNow).orElse(false)) {
            chat.markDangerNow();
        }
        em.persist(chat);
        em.flush();
        if (withMessage) {
            em.persist(new ChatMessage(chat.id(), ChatMessage.Author.CITIZEN, firstMessage, now));
        }
        if (claimed != null) {
            claimed.openedChat(chat.id(), Idempotency.seal(token, key));
        }
        chat.attachProcess(workflow.startConversation(chat.id(), platform.name()));
        em.persist(new ChatMilestone(chat.id(), ChatMilestone.Kind.REQUESTED, now, null, platform, null, null));
        events.fire(new ChatEvent.QueueChanged(chat.id(), platform));
        trail.recordByCitizen(
                Chain.chat(chat.id()),
                "chat_opened",
                Map.of(
                        "platform",
                        platform.name(),
                        "door",
                        door,
                        "topic",
                        routed.map(Topic::name).orElse("free"),
                        "withMessage",
                        withMessage));
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
        operators.checkMayTake(caller); // available and under the cap; locks the operator's row first
        Chat chat = lockedChatOfPlatform(chatId, caller);
        chat.takeBy(caller.username(), clock.instant());
        workflow.complete(
                chat.processInstanceId(),
                ProcessVariables.TASK_TAKE_CHAT,
                caller.actor(),
                Map.of(ProcessVariables.OPERATOR, caller.username()));
        em.persist(new ChatMilestone(
                chat.id(), ChatMilestone.Kind.TAKEN, chat.takenAt(), caller.username(), chat.platform(), null, null));
        trail.record(
                Chain.chat(chat.id()),
                "chat_taken",
                Map.of("platform", chat.platform().name()));
        events.fire(new ChatEvent.QueueChanged(chat.id(), chat.platform()));
        return chat;
    }

    /**
     * Ends a conversation: information given, emergency redirect, abandonment, or closed after the
     * reports made from it ({@link Chat.Outcome#REPORT}, refused when none was made).
     */
    @RolesAllowed({Role.OPERATOR, Role.PSYCHOLOGIST})
    public Chat close(long chatId, Chat.Outcome outcome) {
        if (outcome == null) {
            throw DomainException.invalid("invalid_outcome", "Issue de conversation invalide.");
        }
        Caller caller = directory.currentCaller();
        Chat chat = heldChat(chatId, caller);
        Instant now = clock.instant();
        chat.close(outcome, now);
        seals.conversationEnded(chat.id());
        workflow.complete(
                chat.processInstanceId(),
                ProcessVariables.TASK_HOLD_CONVERSATION,
                caller.actor(),
                Map.of(ProcessVariables.CONVERSATION_OUTCOME, outcome.name()));
        em.persist(new ChatMilestone(
                chat.id(), ChatMilestone.Kind.ENDED, now, caller.username(), chat.platform(), outcome.name(), null));
        trail.record(Chain.chat(chat.id()), "chat_closed", Map.of("outcome", outcome.name()));
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

    /**
     * Tells the citizen the receipt reference of a report the calling operator made from the chat
     * they hold: a line of the conversation, pushed like the others. Called by the qualification
     * component in the transaction that made the report.
     */
    @RolesAllowed(Role.OPERATOR)
    public ChatMessage postReceipt(long chatId, String reference) {
        Chat chat = heldChat(chatId, directory.currentCaller());
        return posted(chat, new ChatMessage(chat.id(), ChatMessage.Author.RECEIPT, reference, clock.instant()));
    }

    /**
     * Hands a chat the caller holds back to their platform's queue, or to the colleague named, with its
     * history: what going off shift does for each chat still held ({@link Transfers#handBack}).
     */
    @RolesAllowed({Role.OPERATOR, Role.PSYCHOLOGIST})
    public Chat handBack(long chatId, Optional<String> colleague, String note) {
        return transfers.handBack(chatId, colleague, note);
    }

    /** A chat held by {@code caller}, locked for update. */
    private Chat heldChat(long chatId, Caller caller) {
        Chat chat = lockedChatOfPlatform(chatId, caller);
        if (!chat.isHeldBy(caller.username())) {
            throw DomainException.conflict("chat_not_held", "Cette conversation n'est pas tenue par vous.");
        }
        return chat;
    }

    /** A citizen's message without an idempotency key. */
    @PermitAll
    public ChatMessage postAsCitizen(long chatId, String token, String text) {
        return postAsCitizen(chatId, token, text, null);
    }

    /**
     * A citizen's message, allowed only with the chat's token, within the chat's limits: messages per
     * minute (429 {@code rate_limited}) and total size (409 {@code chat_too_large}). The chat's row lock
     * serialises a chat's messages, so the limits are exact across instances and a retry with the same
     * idempotency key finds the message its first attempt wrote, and writes nothing.
     */
    @PermitAll
    public ChatMessage postAsCitizen(long chatId, String token, String text, String idempotencyKey) {
        String key = Idempotency.checked(idempotencyKey);
        Chat chat = citizenChat(chatId, token, LockModeType.PESSIMISTIC_WRITE);
        IdempotencyKey claimed = null;
        if (key != null) {
            String requestHash = Idempotency.requestHash(text);
            String keyHash = Idempotency.keyHash("message:" + chat.id(), key);
            Optional<IdempotencyKey> earlier = idempotencyKeys.earlier(keyHash, requestHash, clock.instant());
            if (earlier.isPresent()) {
                return em.find(ChatMessage.class, earlier.get().messageId());
            }
            claimed = idempotencyKeys.claim(keyHash, requestHash, clock.instant());
        }
        if (chat.status() == Chat.Status.CLOSED) {
            throw DomainException.conflict("chat_closed", "Cette conversation est terminée.");
        }
        Instant now = clock.instant();
        checkedText(text);
        withinMessageRate(chat, now);
        chat.addCitizenText(text.length(), limits.chatCharacters());
        ChatMessage message = posted(chat, new ChatMessage(chat.id(), ChatMessage.Author.CITIZEN, text, now));
        if (claimed != null) {
            claimed.postedMessage(chat.id(), message.id());
        }
        return message;
    }

    /** Refuses a citizen's message past the chat's messages per minute, saying when the oldest leaves the minute. */
    private void withinMessageRate(Chat chat, Instant now) {
        int max = limits.messagesPerMinute();
        if (max <= 0) {
            return;
        }
        List<Instant> lastMinute = em.createNamedQuery(ChatMessage.CITIZEN_SENT_SINCE, Instant.class)
                .setParameter("chatId", chat.id())
                .setParameter("since", now.minus(Duration.ofMinutes(1)))
                .getResultList();
        if (lastMinute.size() >= max) {
            Instant freed = lastMinute.get(lastMinute.size() - max).plus(Duration.ofMinutes(1));
            long seconds = Math.max(1, (Duration.between(now, freed).toMillis() + 999) / 1000);
            throw new RateLimited(
                    "Trop de messages envoyés dans cette conversation : réessayez dans " + seconds + " s.", seconds);
        }
    }

    /**
     * Closes waiting chats of the supervisor's platform as spam, in one transaction: each one's
     * conversation ends through the model's outcome gateway (outcome {@code SPAM}) and leaves the queue,
     * and its timers go with it. Chats of another platform or unknown ({@code chat_not_found}) and chats
     * no longer waiting ({@code chat_not_waiting}) are left as they are and reported.
     */
    @RolesAllowed(Role.SUPERVISOR)
    public SpamClosing closeAsSpam(Collection<Long> chatIds) {
        if (chatIds == null || chatIds.isEmpty() || chatIds.size() > MAX_SPAM_BATCH || chatIds.contains(null)) {
            throw DomainException.invalid(
                    "invalid_chat_ids", "Donnez de 1 à " + MAX_SPAM_BATCH + " identifiants de conversation.");
        }
        Caller caller = directory.currentCaller();
        Instant now = clock.instant();
        List<Long> closed = new ArrayList<>();
        Map<Long, String> refused = new LinkedHashMap<>();
        // ascending ids: two batches lock rows in the same order, never in a cycle
        for (long id : new TreeSet<>(chatIds)) {
            Chat chat = em.find(Chat.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (chat == null || !caller.worksOn(chat.platform())) {
                refused.put(id, "chat_not_found");
            } else if (chat.status() != Chat.Status.WAITING) {
                refused.put(id, "chat_not_waiting");
            } else {
                chat.closeAsSpam(now);
                seals.conversationEnded(chat.id());
                workflow.closeWaitingConversation(chat.processInstanceId(), Chat.Outcome.SPAM.name());
                trail.record(Chain.chat(id), "chat_closed", Map.of("outcome", Chat.Outcome.SPAM.name()));
                closed.add(id);
            }
        }
        if (!closed.isEmpty()) {
            events.fire(new ChatEvent.QueueChanged(closed.get(0), caller.platform()));
        }
        return new SpamClosing(List.copyOf(closed), Collections.unmodifiableMap(refused));
    }

    /** Staff answer the citizen in a chat they hold: as the psychologist when the caller is one, else as an officer. */
    @RolesAllowed({Role.OPERATOR, Role.PSYCHOLOGIST})
    public ChatMessage postAsOperator(long chatId, String text) {
        Caller caller = directory.currentCaller();
        Chat chat = heldChat(chatId, caller);
        ChatMessage.Author author =
                caller.has(Role.PSYCHOLOGIST) ? ChatMessage.Author.PSYCHOLOGIST : ChatMessage.Author.OPERATOR;
        ChatMessage message = new ChatMessage(chat.id(), author, checkedText(text), clock.instant());
        return posted(chat, message);
    }

    /** Stores a message and announces it, with its id (hence the flush), for after the commit. */
    private ChatMessage posted(Chat chat, ChatMessage message) {
        em.persist(message);
        em.flush();
        events.fire(new ChatEvent.Posted(chat.id(), chat.platform(), chat.operator(), ChatLine.of(message)));
        trail.recordWithPersonal(
                Chain.chat(chat.id()),
                "message_sent",
                Map.of("messageId", message.id(), "author", message.author().name()),
                java.util.Collections.singletonMap("text", message.text()),
                message.author() == ChatMessage.Author.CITIZEN);
        return message;
    }

    /** Checks a citizen's token for a chat (a live connection's first message); 404 as for the API. */
    @PermitAll
    public void authenticateCitizen(long chatId, String token) {
        citizenChat(chatId, token);
    }

    /** The chat a citizen's token opens (404 for a wrong token, as for the API). */
    @PermitAll
    public Chat chatOfCitizen(long chatId, String token) {
        return citizenChat(chatId, token);
    }

    @PermitAll
    public List<ChatLine> messagesForCitizen(long chatId, String token) {
        return messages(citizenChat(chatId, token).id()).stream()
                .filter(m -> m.author().shownToCitizen())
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
        if (redacted) {
            trail.record(Chain.user(caller.username(), null), "chat_read", Map.of("chatId", chatId));
            // minimised: the identities given in the reports made from it are redacted too, not only
            // what the engine finds alone
            List<ReporterIdentity> identities = em.createQuery(
                            "select r from Report r where r.chatId = :chat", Report.class)
                    .setParameter("chat", chat.id())
                    .getResultStream()
                    .map(r -> r.reporter().identity())
                    .toList();
            return messages(chat.id()).stream()
                    .map(m -> ChatLine.of(m, redact(m.text(), identities)))
                    .toList();
        }
        if (!chat.sealed() && chat.erasedAt() == null) {
            seals.recordRead(null, chat.id());
        }
        return messages(chat.id()).stream()
                .map(m -> ChatLine.forStaff(m, m.text()))
                .toList();
    }

    /**
     * The conversation as {@link #transcript} gives it; when the caller holds the chat, it also records
     * that they have read it up to its last line, which clears its unread marker ({@link #unread}).
     */
    @RolesAllowed({Role.OPERATOR, Role.SUPERVISOR, Role.PSYCHOLOGIST, Role.AUDITOR})
    public List<ChatLine> read(long chatId) {
        Caller caller = directory.currentCaller();
        List<ChatLine> lines = transcript(chatId);
        Chat chat = em.find(Chat.class, chatId);
        if (!lines.isEmpty() && chat.isHeldBy(caller.username())) {
            long last = lines.stream().mapToLong(ChatLine::id).max().orElseThrow();
            // the chat's row lock orders its messages' ids, so every line up to this id was seen
            em.createNativeQuery("INSERT INTO chat_reading (chat_id, username, last_read_message_id, read_at)"
                            + " VALUES (?1, ?2, ?3, ?4) ON DUPLICATE KEY UPDATE"
                            + " last_read_message_id = GREATEST(last_read_message_id, VALUES(last_read_message_id)),"
                            + " read_at = VALUES(read_at)")
                    .setParameter(1, chat.id())
                    .setParameter(2, caller.username())
                    .setParameter(3, last)
                    .setParameter(4, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .executeUpdate();
        }
        return lines;
    }

    /**
     * For each chat the caller holds, how many citizen messages arrived since they last read it
     * ({@link #read}); a chat they never read counts all its citizen messages. Chats with none are absent.
     */
    @RolesAllowed({Role.OPERATOR, Role.PSYCHOLOGIST})
    public Map<Long, Integer> unread() {
        String me = directory.currentCaller().username();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT m.chat_id, COUNT(m.id) FROM chat c"
                        + " JOIN chat_message m ON m.chat_id = c.id"
                        + " LEFT JOIN chat_reading r ON r.chat_id = c.id AND r.username = ?1"
                        + " WHERE c.operator = ?2 AND c.status = 'TAKEN' AND m.author = 'CITIZEN'"
                        + " AND m.id > COALESCE(r.last_read_message_id, 0) GROUP BY m.chat_id")
                .setParameter(1, me)
                .setParameter(2, me)
                .getResultList();
        Map<Long, Integer> unread = new LinkedHashMap<>();
        for (Object[] row : rows) {
            unread.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue());
        }
        return unread;
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

    private String redact(String text, List<ReporterIdentity> identities) {
        String redacted = anonymisation.redact(text, null).text();
        for (ReporterIdentity identity : identities) {
            redacted = anonymisation.redact(redacted, identity).text();
        }
        return redacted;
    }

    private List<ChatMessage> messages(long chatId) {
        return em.createNamedQuery(ChatMessage.OF_CHAT, ChatMessage.class)
                .setParameter("chatId", chatId)
                .getResultList();
    }

    private Chat citizenChat(long chatId, String token) {
        return citizenChat(chatId, token, LockModeType.NONE);
    }

    private Chat citizenChat(long chatId, String token, LockModeType lock) {
        Chat chat = em.find(Chat.class, chatId, lock);
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
            throw DomainException.invalid("message_too_long", "Le message dépasse 4 000 caractères.");
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
