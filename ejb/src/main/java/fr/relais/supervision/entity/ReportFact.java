package fr.relais.supervision.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One report in the supervision's read model: where it stands in its lifecycle, since when and until
 * when (its stage's target), and what the trends count it by (platform, door, category, hour made).
 */
@Entity
@Table(name = "report_fact")
public class ReportFact {
    @Id
    @Column(name = "report_id")
    private Long reportId;

    @Column(length = 12)
    private String reference;

    @Column(nullable = false, length = 20)
    private String platform;

    @Column(nullable = false, length = 20)
    private String door;

    @Column(length = 40)
    private String category;

    @Column(length = 2)
    private String priority;

    @Column(nullable = false, length = 20)
    private String stage;

    @Column(name = "stage_since", nullable = false)
    private Instant stageSince;

    @Column(name = "stage_due_at")
    private Instant stageDueAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_hour", nullable = false)
    private Instant createdHour;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ReportFact() {}

    public ReportFact(long reportId, String platform, String door, Instant createdAt) {
        this.reportId = reportId;
        this.platform = platform;
        this.door = door;
        this.createdAt = createdAt;
        this.createdHour = createdAt.truncatedTo(ChronoUnit.HOURS);
    }

    /** The report's state now; the stage's clock restarts only when the stage changes. */
    public void update(
            String reference,
            String platform,
            String category,
            String priority,
            String stage,
            Instant now,
            Instant stageDueAt) {
        if (!stage.equals(this.stage)) {
            this.stage = stage;
            this.stageSince = now;
        }
        this.reference = reference;
        this.platform = platform;
        this.category = category;
        this.priority = priority;
        this.stageDueAt = stageDueAt;
        this.updatedAt = now;
    }

    public Long reportId() {
        return reportId;
    }

    public String stage() {
        return stage;
    }

    public Instant stageSince() {
        return stageSince;
    }
}
