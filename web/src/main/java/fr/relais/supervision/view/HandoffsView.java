package fr.relais.supervision.view;

import fr.relais.shared.view.Messages;
import fr.relais.supervision.api.SupervisionCsv;
import fr.relais.supervision.boundary.Supervision;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.StreamedContent;

/**
 * The handoffs view ({@code /supervisor/handoffs.xhtml}): per unit, the figures of {@code GET
 * /api/v1/supervision/handoffs} over the last 30 days, sorted and filtered in the table (department,
 * kind of unit); the CSV has the rows the filters keep.
 */
@Named
@ViewScoped
public class HandoffsView implements Serializable {
    @EJB
    Supervision supervision;

    private List<Row> units;
    private List<Row> filtered;

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
        units = supervision.handoffs(null, null, null, null).stream()
                .map(Row::new)
                .toList();
    }

    public StreamedContent getCsv() {
        return SupervisedPlatform.csv(
                "transmissions.csv",
                SupervisionCsv.handoffs((filtered == null ? units : filtered)
                        .stream().map(Row::getFigures).toList()));
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

    public String seconds(long value) {
        return value < 0 ? "—" : value + " s";
    }
}
