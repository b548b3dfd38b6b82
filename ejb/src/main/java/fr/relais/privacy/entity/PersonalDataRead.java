package fr.relais.privacy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A read of non-redacted personal data by staff, or an unsealing with its reason: who, as what, when, what. */
@Entity
@Table(name = "personal_data_read")
@NamedQuery(
        name = PersonalDataRead.OF_REPORT,
        query = "select r from PersonalDataRead r where r.reportId = :report order by r.readAt, r.id")
@NamedQuery(
        name = PersonalDataRead.OF_CHAT,
        query = "select r from PersonalDataRead r where r.chatId = :chat order by r.readAt, r.id")
public class PersonalDataRead {
    public static final String OF_REPORT = "PersonalDataRead.ofReport";
    public static final String OF_CHAT = "PersonalDataRead.ofChat";
    public static final int MAX_REASON = 1000;

    public enum Kind {
        /** Staff read the original as part of their work (before sealing). */
        READ,
        /** A supervisor or an auditor opened sealed data, with a reason. */
        UNSEAL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 60)
    private String username;

    @Column(nullable = false, length = 20)
    private String role;

    @Column(name = "read_at", nullable = false)
    private Instant readAt;

    @Column(name = "report_id")
    private Long reportId;

    @Column(name = "chat_id")
    private Long chatId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Kind kind;

    @Column(length = MAX_REASON)
    private String reason;

    protected PersonalDataRead() {}

    public PersonalDataRead(
            String username, String role, Instant readAt, Long reportId, Long chatId, Kind kind, String reason) {
        this.username = username;
        this.role = role;
        this.readAt = readAt;
        this.reportId = reportId;
        this.chatId = chatId;
        this.kind = kind;
        this.reason = reason;
    }

    public String username() {
        return username;
    }

    public String role() {
        return role;
    }

    public Instant readAt() {
        return readAt;
    }

    public Long reportId() {
        return reportId;
    }

    public Long chatId() {
        return chatId;
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }
}
