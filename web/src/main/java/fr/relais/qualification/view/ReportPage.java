package fr.relais.qualification.view;

import fr.relais.qualification.boundary.Qualifications;
import fr.relais.qualification.entity.Report;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import jakarta.ejb.EJB;
import java.io.Serializable;

/** A page about one report, named by the {@code id} view parameter and loaded within the caller's scope. */
public abstract class ReportPage implements Serializable {
    @EJB
    Qualifications qualifications;

    Long id;
    Report report;

    /** The view action: loads the report, or shows why it cannot be shown. */
    public void load() {
        try {
            report = id == null ? null : qualifications.report(id);
        } catch (DomainException e) {
            Messages.refused(e);
            report = null;
        }
    }

    /** Whether the report waits in {@code status}, the step this page is for. */
    boolean isAt(Report.Status status) {
        return report != null && report.status() == status;
    }

    public Report getReport() {
        return report;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
