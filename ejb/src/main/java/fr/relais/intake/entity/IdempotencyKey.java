package fr.relais.intake.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A citizen's idempotency key, claimed by the first request that used it: a retry with the same key
 * gets what that request made instead of making it again. Holds only a hash of the key (scoped to
 * what it was used for), a hash of the request, and, for an opening, the chat token sealed under a
 * key derived from the idempotency key itself. Also used by a report submitted with the public form.
 */
@Entity
@Table(name = "idempotency_key")
@NamedQuery(name = IdempotencyKey.BY_HASH, query = "select k from IdempotencyKey k where k.keyHash = :keyHash")
@NamedQuery(name = IdempotencyKey.EXPIRED, query = "delete from IdempotencyKey k where k.createdAt < :before")
public class IdempotencyKey {
    public static final String BY_HASH = "IdempotencyKey.byHash";
    public static final String EXPIRED = "IdempotencyKey.expired";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "key_hash", nullable = false, length = 64)
    private String keyHash;

    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;

    @Column(name = "chat_id")
    private Long chatId;

    @Column(name = "message_id")
    private Long messageId;

    @Column(name = "sealed_token", length = 200)
    private String sealedToken;

    /** The report a submission of the public form made (qualification's {@code CitizenReports}). */
    @Column(name = "report_id")
    private Long reportId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected IdempotencyKey() {}

    public IdempotencyKey(String keyHash, String requestHash, Instant now) {
        this.keyHash = keyHash;
        this.requestHash = requestHash;
        this.createdAt = now;
    }

    public void openedChat(long chatId, String sealedToken) {
        this.chatId = chatId;
        this.sealedToken = sealedToken;
    }

    public void postedMessage(long chatId, long messageId) {
        this.chatId = chatId;
        this.messageId = messageId;
    }

    /** An appointment booking: its code, sealed like a chat token (appointment's {@code Appointments}). */
    public void bookedAppointment(String sealedCode) {
        this.sealedToken = sealedCode;
    }

    public void submittedReport(long reportId) {
        this.reportId = reportId;
    }

    public boolean sameRequest(String requestHash) {
        return this.requestHash.equals(requestHash);
    }

    public boolean expired(Instant before) {
        return createdAt.isBefore(before);
    }

    public String keyHash() {
        return keyHash;
    }

    public Long chatId() {
        return chatId;
    }

    public Long messageId() {
        return messageId;
    }

    public Long reportId() {
        return reportId;
    }

    public String sealedToken() {
        return sealedToken;
    }
}
