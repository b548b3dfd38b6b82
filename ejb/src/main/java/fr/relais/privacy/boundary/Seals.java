package fr.relais.privacy.boundary;

import fr.relais.audit.boundary.AuditTrail;
import fr.relais.audit.boundary.Chain;
import fr.relais.directory.boundary.Caller;
import fr.relais.directory.boundary.Directory;
import fr.relais.intake.boundary.ChatLine;
import fr.relais.intake.entity.Chat;
import fr.relais.intake.entity.ChatMessage;
import fr.relais.privacy.control.Envelope;
import fr.relais.privacy.control.MasterKeys;
import fr.relais.privacy.control.RecentReads;
import fr.relais.privacy.entity.DataKey;
import fr.relais.privacy.entity.PersonalDataRead;
import fr.relais.qualification.entity.CitizenStatement;
import fr.relais.qualification.entity.Qualification;
import fr.relais.qualification.entity.Report;
import fr.relais.shared.DomainException;
import fr.relais.shared.Jsonp;
import fr.relais.shared.Role;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * Sealed originals: once the platform's work on a report ends (forwarded, and its conversation closed;
 * at forwarding for a report without a conversation) its original narrative and its reporter's identity,
 * and once a conversation ends with every report made from it sealed, its citizen's messages, are
 * encrypted in place under a data key of their own, in the transaction of that step. Only the platform's
 * supervisors and auditors open them, with a reason; every opening, and every read of non-redacted
 * personal data by staff, is recorded in {@code personal_data_read}.
 */
@Stateless
public class Seals {
    /** A read by the same person of the same report or conversation is recorded once in this window. */
    static final Duration READ_WINDOW = Duration.ofHours(1);

    private static final Set<Report.Status> PAST_FORWARDING = EnumSet.of(
            Report.Status.FORWARDED,
            Report.Status.REROUTING,
            Report.Status.ACKNOWLEDGED,
            Report.Status.TAKEN_OVER,
            Report.Status.CLOSED);

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditTrail trail;

    @Inject
    PrivacySettings settings;

    @EJB
    Directory directory;

    @EJB
    DataKeys dataKeys;

    @Inject
    RecentReads recentReads;

    @Resource
    TransactionSynchronizationRegistry transactions;

    Clock clock = Clock.systemUTC();

    /** Called in the transaction that records a report's forwarding. */
    @PermitAll
    public void reportForwarded(long reportId) {
        Report report = em.find(Report.class, reportId);
        if (report == null || report.sealed() || report.erasedAt() != null) {
            return;
        }
        if (report.chatId() == null) {
            seal(report);
            return;
        }
        // the conversation's row lock orders this after its ending, or its ending after this: either
        // way one of the two sees the other's commit and seals
        Chat chat = em.find(Chat.class, report.chatId(), LockModeType.PESSIMISTIC_WRITE);
        if (chat != null && chat.status() == Chat.Status.CLOSED) {
            seal(report);
            sealTranscriptIfDone(chat);
        }
    }

    /** Called in the transaction that ends a conversation, whatever its outcome, under the chat's row lock. */
    @PermitAll
    public void conversationEnded(long chatId) {
        Chat chat = em.find(Chat.class, chatId);
        if (chat == null || chat.sealed()) {
            return;
        }
        // locked: a job of the report's lifecycle may be changing it right now (the close follows a
        // take-over). Read without a lock, the close sealed a stale version, failed on it at commit
        // (OptimisticLockException) and ConflictRetry ran it again whole, about every other lifecycle
        // under load; the lock waits for that job's commit instead.
        for (Report report : reportsOf(chat, LockModeType.PESSIMISTIC_WRITE)) {
            if (!report.sealed() && report.erasedAt() == null && PAST_FORWARDING.contains(report.status())) {
                seal(report);
            }
        }
        sealTranscriptIfDone(chat);
    }

    private List<Report> reportsOf(Chat chat) {
        return reportsOf(chat, LockModeType.NONE);
    }

    private List<Report> reportsOf(Chat chat, LockModeType lock) {
        return em.createQuery("select r from Report r where r.chatId = :chat", Report.class)
                .setParameter("chat", chat.id())
                .setLockMode(lock)
                .getResultList();
    }

    private void seal(Report report) {
        SecretKey key = dataKey(DataKey.Owner.REPORT, report.id(), true);
        JsonObjectBuilder original = Jsonp.createObjectBuilder();
        put(original, "narrative", report.narrative());
        putReporter(original, report.reporter());
        report.seal(
                Envelope.seal(
                        key, original.build().toString(), Envelope.place("report", "sealed_original", report.id())),
                clock.instant());
        if (report.chatId() == null) {
            CitizenStatement statement = em.find(CitizenStatement.class, report.id());
            if (statement != null && statement.sealedOriginal() == null) {
                JsonObjectBuilder stated = Jsonp.createObjectBuilder();
                put(stated, "narrative", statement.narrative());
                put(stated, "place", statement.place());
                putReporter(stated, statement.reporter());
                statement.seal(Envelope.seal(
                        key,
                        stated.build().toString(),
                        Envelope.place("citizen_statement", "sealed_original", report.id())));
            }
        }
    }

    private void sealTranscriptIfDone(Chat chat) {
        if (chat.sealed() || chat.status() != Chat.Status.CLOSED) {
            return;
        }
        if (reportsOf(chat).stream().anyMatch(r -> !r.sealed() && r.erasedAt() == null)) {
            return; // a report made from it is still being worked on: its operator reads the transcript
        }
        SecretKey key = dataKey(DataKey.Owner.CHAT, chat.id(), true);
        for (ChatMessage message : messages(chat.id())) {
            if (message.author() == ChatMessage.Author.CITIZEN && message.sealedText() == null) {
                message.seal(Envelope.seal(key, message.text(), Envelope.place("chat_message", "text", message.id())));
            }
        }
        chat.markSealed(clock.instant());
    }

    private List<ChatMessage> messages(long chatId) {
        return em.createNamedQuery(ChatMessage.OF_CHAT, ChatMessage.class)
                .setParameter("chatId", chatId)
                .getResultList();
    }

    /**
     * A supervisor of the report's platform or an auditor opens its originals, giving a reason; the
     * opening is recorded. A report not sealed yet is read as it is, and recorded the same way.
     */
    @RolesAllowed({Role.SUPERVISOR, Role.AUDITOR})
    public UnsealedReport unsealReport(long reportId, String reason) {
        Caller caller = directory.currentCaller();
        String why = reason(reason);
        Report report = em.find(Report.class, reportId);
        if (report == null || !(caller.has(Role.AUDITOR) || caller.worksOn(report.platform()))) {
            throw DomainException.notFound("report_not_found", "Signalement introuvable.");
        }
        requireNotErased(report.erasedAt());
        String narrative = report.narrative();
        Qualification.Reporter reporter = report.reporter();
        if (report.sealed()) {
            SecretKey key = dataKey(DataKey.Owner.REPORT, report.id(), false);
            JsonObject original = json(Envelope.open(
                    key, report.sealedOriginal(), Envelope.place("report", "sealed_original", report.id())));
            narrative = text(original, "narrative");
            reporter = reporter(original);
        }
        String statedNarrative = null;
        String statedPlace = null;
        Qualification.Reporter statedReporter = null;
        CitizenStatement statement = report.chatId() == null ? em.find(CitizenStatement.class, report.id()) : null;
        if (statement != null) {
            if (statement.sealedOriginal() != null) {
                JsonObject stated = json(Envelope.open(
                        dataKey(DataKey.Owner.REPORT, report.id(), false),
                        statement.sealedOriginal(),
                        Envelope.place("citizen_statement", "sealed_original", report.id())));
                statedNarrative = text(stated, "narrative");
                statedPlace = text(stated, "place");
                statedReporter = reporter(stated);
            } else {
                statedNarrative = statement.narrative();
                statedPlace = statement.place();
                statedReporter = statement.reporter();
            }
        }
        record(caller, report.id(), null, PersonalDataRead.Kind.UNSEAL, why);
        return new UnsealedReport(
                report.id(),
                report.reference(),
                report.chatId(),
                report.sealed(),
                narrative,
                reporter,
                statedNarrative,
                statedPlace,
                statedReporter);
    }

    /** The conversation's transcript as told, for a supervisor of its platform or an auditor, with a reason. */
    @RolesAllowed({Role.SUPERVISOR, Role.AUDITOR})
    public UnsealedChat unsealChat(long chatId, String reason) {
        Caller caller = directory.currentCaller();
        String why = reason(reason);
        Chat chat = em.find(Chat.class, chatId);
        if (chat == null || !(caller.has(Role.AUDITOR) || caller.worksOn(chat.platform()))) {
            throw DomainException.notFound("chat_not_found", "Conversation introuvable.");
        }
        requireNotErased(chat.erasedAt());
        SecretKey key = chat.sealed() ? dataKey(DataKey.Owner.CHAT, chat.id(), false) : null;
        List<ChatLine> lines = messages(chat.id()).stream()
                .map(m -> new ChatLine(
                        m.id(),
                        m.author().name(),
                        m.sealedText() == null
                                ? m.text()
                                : Envelope.open(key, m.sealedText(), Envelope.place("chat_message", "text", m.id())),
                        m.sentAt()))
                .toList();
        record(caller, null, chat.id(), PersonalDataRead.Kind.UNSEAL, why);
        return new UnsealedChat(chat.id(), chat.sealed(), lines);
    }

    /**
     * Records that the caller read non-redacted personal data of a report or a conversation (once per
     * person, target and hour: screens refresh). Called by the boundaries that return it.
     */
    @RolesAllowed({Role.OPERATOR, Role.PSYCHOLOGIST, Role.SUPERVISOR, Role.AUDITOR, Role.ADMIN})
    public void recordRead(Long reportId, Long chatId) {
        Caller caller = directory.currentCaller();
        Instant since = clock.instant().minus(READ_WINDOW);
        String key = RecentReads.key(caller.username(), reportId, chatId);
        if (recentReads.recordedAfter(key, since)) {
            return; // a committed record within the window, seen before: no query
        }
        List<PersonalDataRead> recent = em.createQuery(
                        "select r from PersonalDataRead r where r.username = :user and r.kind = :kind"
                                + " and r.readAt > :since and "
                                + (reportId != null ? "r.reportId = :target" : "r.chatId = :target")
                                + " order by r.readAt desc",
                        PersonalDataRead.class)
                .setParameter("user", caller.username())
                .setParameter("kind", PersonalDataRead.Kind.READ)
                .setParameter("since", since)
                .setParameter("target", reportId != null ? reportId : chatId)
                .setMaxResults(1)
                .getResultList();
        if (recent.isEmpty()) {
            record(caller, reportId, chatId, PersonalDataRead.Kind.READ, null);
            recordedNow().add(key);
        } else if (!recordedNow().contains(key)) {
            // committed (read committed): not this transaction's own record, which could still roll back
            recentReads.found(key, recent.get(0).readAt());
        }
    }

    /** The keys of the reads this transaction recorded. */
    @SuppressWarnings("unchecked")
    private Set<String> recordedNow() {
        Object set = transactions.getResource(RecentReads.class);
        if (set == null) {
            set = new java.util.HashSet<String>();
            transactions.putResource(RecentReads.class, set);
        }
        return (Set<String>) set;
    }

    /** The records of reads and unsealings of a report, for auditors. */
    @RolesAllowed(Role.AUDITOR)
    public List<DataRead> readsOfReport(long reportId) {
        return em.createNamedQuery(PersonalDataRead.OF_REPORT, PersonalDataRead.class)
                .setParameter("report", reportId)
                .getResultStream()
                .map(DataRead::of)
                .toList();
    }

    /** The records of reads and unsealings of a conversation, for auditors. */
    @RolesAllowed(Role.AUDITOR)
    public List<DataRead> readsOfChat(long chatId) {
        return em.createNamedQuery(PersonalDataRead.OF_CHAT, PersonalDataRead.class)
                .setParameter("chat", chatId)
                .getResultStream()
                .map(DataRead::of)
                .toList();
    }

    /**
     * Rewraps every live data key not wrapped by the current master key with it, so that an old master
     * key can be retired; returns how many. The data keys themselves, and what they sealed, do not change.
     */
    @RolesAllowed(Role.ADMIN)
    public int rewrap() {
        MasterKeys masters = settings.masterKeys();
        List<DataKey> keys = em.createNamedQuery(DataKey.WRAPPED_BY_OTHER_THAN, DataKey.class)
                .setParameter("keyId", masters.currentId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (DataKey k : keys) {
            SecretKey data = unwrap(masters, k);
            k.rewrap(masters.currentId(), Envelope.wrap(masters.current(), data, k.owner()));
        }
        return keys.size();
    }

    private static SecretKey unwrap(MasterKeys masters, DataKey k) {
        return DataKeys.unwrap(masters, k);
    }

    private SecretKey dataKey(DataKey.Owner kind, long ownerId, boolean create) {
        return dataKeys.key(kind, ownerId, create);
    }

    private void record(Caller caller, Long reportId, Long chatId, PersonalDataRead.Kind kind, String reason) {
        em.persist(new PersonalDataRead(
                caller.username(), roleOf(caller), clock.instant(), reportId, chatId, kind, reason));
        // and in the report's (or chat's) audit chain, so the history shows who read or unsealed it, and why
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("kind", kind.name());
        fields.put("reason", reason);
        trail.record(
                reportId != null ? Chain.report(reportId) : Chain.chat(chatId),
                "personal_data_" + kind.name().toLowerCase(java.util.Locale.ROOT),
                fields);
    }

    private static String roleOf(Caller caller) {
        for (String role : List.of(Role.AUDITOR, Role.ADMIN, Role.SUPERVISOR, Role.PSYCHOLOGIST, Role.OPERATOR)) {
            if (caller.has(role)) {
                return role;
            }
        }
        return caller.roles().stream().findFirst().orElse("?");
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.unprocessable(
                    "reason_required", "Un motif est obligatoire pour desceller des données personnelles.");
        }
        String why = reason.strip();
        if (why.length() > PersonalDataRead.MAX_REASON) {
            throw DomainException.invalid("reason_too_long", "Le motif dépasse 1 000 caractères.");
        }
        return why;
    }

    private static void requireNotErased(Instant erasedAt) {
        if (erasedAt != null) {
            throw DomainException.conflict(
                    "personal_data_erased", "Les données personnelles ont été effacées (durée de conservation).");
        }
    }

    private static void put(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    private static void putReporter(JsonObjectBuilder json, Qualification.Reporter reporter) {
        if (reporter != null) {
            put(json, "firstName", reporter.firstName());
            put(json, "lastName", reporter.lastName());
            put(json, "phone", reporter.phone());
            put(json, "email", reporter.email());
        }
    }

    private static JsonObject json(String text) {
        try (var reader = Jsonp.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static String text(JsonObject json, String name) {
        return json.containsKey(name) ? json.getString(name) : null;
    }

    private static Qualification.Reporter reporter(JsonObject json) {
        return new Qualification.Reporter(
                text(json, "firstName"), text(json, "lastName"), text(json, "phone"), text(json, "email"));
    }
}
