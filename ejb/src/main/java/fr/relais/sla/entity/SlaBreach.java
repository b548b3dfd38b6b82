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

    @Column(name = "chat_id", nullable = false)
    private Long chatId;

    @Column(name = "breached_at", nullable = false)
    private Instant breachedAt;

    protected SlaBreach() {}

    public SlaBreach(String step, Long chatId, Instant breachedAt) {
        this.step = step;
        this.chatId = chatId;
        this.breachedAt = breachedAt;
    }

    public String step() {
        return step;
    }

    public Long chatId() {
        return chatId;
    }

    public Instant breachedAt() {
        return breachedAt;
    }
}
