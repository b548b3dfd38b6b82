package fr.relais.sla.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A missed service-level target, recorded when its timer fires. */
@Entity
@Table(name = "sla_breach")
public class SlaBreach {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 40)
    private String step;

    /** The chat concerned; none for a report without a chat. */
    @Column(name = "chat_id")
    private Long chatId;

    /** The report concerned, for the steps of its lifecycle (none for a chat's steps). */
    @Column(name = "report_id")
    private Long reportId;

    @Column(name = "breached_at", nullable = false)
    private Instant breachedAt;

    protected SlaBreach() {}

    public SlaBreach(String step, Long chatId, Instant breachedAt) {
        this.step = step;
        this.chatId = chatId;
        this.breachedAt = breachedAt;
    }

    /** A breach of a report's step (its chat, if it came from one). */
    public static SlaBreach ofReport(String step, long reportId, Long chatId, Instant breachedAt) {
        SlaBreach breach = new SlaBreach(step, chatId, breachedAt);
        breach.reportId = reportId;
        return breach;
    }

    public String step() {
        return step;
    }

    public Long chatId() {
        return chatId;
    }

    public Long reportId() {
        return reportId;
    }

    public Instant breachedAt() {
        return breachedAt;
    }
}
