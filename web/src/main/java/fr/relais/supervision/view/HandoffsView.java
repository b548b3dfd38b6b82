package fr.relais.supervision.view;

import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import fr.relais.supervision.api.SupervisionCsv;
import fr.relais.supervision.boundary.Supervision;
import fr.relais.supervision.control.HourlyVolumes;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.primefaces.model.StreamedContent;

/**
 * The handoffs view ({@code /supervisor/handoffs.xhtml}): per unit, the figures of {@code GET
 * /api/v1/supervision/handoffs} over the chosen days (Paris; by default the last 7 days, today included),
 * sorted and filtered in the table (department, kind of unit); the CSV has the rows the filters keep. A
 * period ending before it starts, or longer than a year, is refused with a French message and the table
 * keeps the last period shown.
 */
@Named
@ViewScoped
public class HandoffsView implements Serializable {
    @EJB
    Supervision supervision;

    /** The default period: this many days before today, to today included. */
    static final int DEFAULT_DAYS = 7;

    Clock clock = Clock.systemUTC();

    private List<Row> units = List.of();
    private List<Row> filtered;
    private LocalDate from;
    private LocalDate to;
    private LocalDate shownFrom;
    private LocalDate shownTo;

    /** One unit's line, with getters for the table's sorting and filtering. */
    public static class Row implements Serializable {
        private final Supervision.UnitFigures figures;

        Row(Supervision.UnitFigures figures) {
            this.figures = figures;
        }

        public Supervision.UnitFigures getFigures() {
            return figures;
        }

        public String getUnitCode() {
            return figures.unitCode();
        }

        public String getUnitName() {
            return figures.unitName();
        }

        public String getKind() {
            return figures.kind();
        }

        public String getKindLabel() {
            return figures.kind() == null ? "" : Messages.text("supervision.unitKind." + figures.kind());
        }

        public String getDepartment() {
            return figures.department();
        }

        public int getSent() {
            return figures.sent();
        }

        public int getAcknowledged() {
            return figures.acknowledged();
        }

        public int getTakenOver() {
            return figures.takenOver();
        }

        public int getDeclined() {
            return figures.declined();
        }

        public int getBacklog() {
            return figures.backlog();
        }

        public long getMedian() {
            return figures.acknowledgementMedianSeconds() == null ? -1 : figures.acknowledgementMedianSeconds();
        }

        public long getP90() {
            return figures.acknowledgementP90Seconds() == null ? -1 : figures.acknowledgementP90Seconds();
        }

        public int getBreaches() {
            return figures.breaches();
        }
    }

    @PostConstruct
    void init() {
        to = LocalDate.ofInstant(clock.instant(), HourlyVolumes.ZONE);
        from = to.minusDays(DEFAULT_DAYS - 1);
        show();
    }

    /** Loads the chosen days, both included, in Paris time; a bad period is refused (the table stays). */
    public void show() {
        if (from == null || to == null) {
            Messages.warn("handoffs.period.missing");
            return;
        }
        if (to.isBefore(from)) {
            Messages.warn("handoffs.period.order");
            return;
        }
        if (!to.isBefore(from.plusYears(1))) {
            Messages.warn("handoffs.period.tooLong");
            return;
        }
        try {
            units = supervision
                    .handoffs(
                            null,
                            null,
                            from.atStartOfDay(HourlyVolumes.ZONE).toInstant(),
                            to.plusDays(1).atStartOfDay(HourlyVolumes.ZONE).toInstant())
                    .stream()
                    .map(Row::new)
                    .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new)); // sorted in place
            filtered = null;
            shownFrom = from;
            shownTo = to;
        } catch (DomainException e) {
            Messages.refused(e);
        }
    }

    public StreamedContent getCsv() {
        return SupervisedPlatform.csv(
                "transmissions.csv",
                SupervisionCsv.handoffs((filtered == null ? units : filtered)
                        .stream().map(Row::getFigures).toList()));
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

    /** The first day of the period the table shows. */
    public LocalDate getShownFrom() {
        return shownFrom;
    }

    /** The last day (included) of the period the table shows. */
    public LocalDate getShownTo() {
        return shownTo;
    }

    public List<Row> getUnits() {
        return units;
    }

    public List<Row> getFiltered() {
        return filtered;
    }

    public void setFiltered(List<Row> filtered) {
        this.filtered = filtered;
    }

    /** A day as the screen shows it: 05/11/2026. */
    public String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public String seconds(long value) {
        return value < 0 ? "—" : value + " s";
    }
}
