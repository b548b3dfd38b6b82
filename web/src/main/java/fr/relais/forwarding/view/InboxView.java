package fr.relais.forwarding.view;

import fr.relais.directory.boundary.Directory;
import fr.relais.forwarding.boundary.Forwarding;
import fr.relais.forwarding.boundary.UnitReport;
import fr.relais.qualification.entity.Category;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import fr.relais.workflow.ProcessVariables.UnitDecision;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A unit agent's inbox: reports forwarded to the agent's unit, to acknowledge, take over or decline
 * (the detail page has every step), and "Nos signalements", what the unit took over, searchable.
 */
@Named
@ViewScoped
public class InboxView implements Serializable {
    @EJB
    Forwarding forwarding;

    @EJB
    Directory directory;

    Clock clock = Clock.systemUTC();

    private List<UnitReport> reports;
    private List<UnitReport> escalated;
    private boolean departmental;
    private List<UnitReport> taken;
    private final Map<Long, String> reasons = new HashMap<>();
    private String reference;
    private Category category;
    private LocalDate from;
    private LocalDate to;

    @PostConstruct
    void load() {
        reports = forwarding.inbox();
        departmental = directory
                .unit(directory.currentCaller().unitCode())
                .map(u -> u.kind().departmental())
                .orElse(false);
        escalated = departmental ? forwarding.escalatedToDepartment() : List.of();
        search();
    }

    public void search() {
        taken = forwarding.takenOver(reference, category, from, to);
    }

    public void acknowledge(long reportId) {
        try {
            forwarding.acknowledge(reportId);
            Messages.info("unit.acknowledged");
        } catch (DomainException e) {
            Messages.refused(e);
        }
        load();
    }

    public void takeOver(long reportId) {
        try {
            forwarding.answer(reportId, UnitDecision.ACCEPTED, null);
            Messages.info("unit.takenover");
        } catch (DomainException e) {
            Messages.refused(e);
        }
        load();
    }

    public void decline(long reportId) {
        try {
            forwarding.answer(reportId, UnitDecision.DECLINED, reasons.get(reportId));
            reasons.remove(reportId);
            Messages.info("unit.declined");
        } catch (DomainException e) {
            Messages.refused(e);
        }
        load();
    }

    /**
     * Minutes left before the acknowledgement target (negative once missed); null when the report has
     * no target or the unit already acknowledged it (the clock stopped).
     */
    public Long minutesLeft(UnitReport r) {
        return minutesLeft(r, clock.instant());
    }

    static Long minutesLeft(UnitReport r, Instant now) {
        if (r.acknowledgedAt() != null || r.decisions() == null || r.decisions().acknowledgeDueAt() == null) {
            return null;
        }
        return Duration.between(now, r.decisions().acknowledgeDueAt()).toMinutes();
    }

    /**
     * For a departmental unit's agents: the reports of their department's units escalated to them
     * after a missed acknowledgement ("En retard dans le département"), read only.
     */
    public List<UnitReport> getEscalated() {
        return escalated;
    }

    public boolean isDepartmental() {
        return departmental;
    }

    public List<UnitReport> getReports() {
        return reports;
    }

    public List<UnitReport> getTaken() {
        return taken;
    }

    public Map<Long, String> getReasons() {
        return reasons;
    }

    public Category[] getCategories() {
        return Category.values();
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public Category getCategory() {
        return category;
    }

    public void setCategory(Category category) {
        this.category = category;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
