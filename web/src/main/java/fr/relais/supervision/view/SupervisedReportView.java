package fr.relais.supervision.view;

import fr.relais.shared.DomainException;
import fr.relais.supervision.boundary.Supervision;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;

/**
 * One report where it stands, for the supervisors of its platform and administrators ({@code
 * /supervisor/report.xhtml?id=}): stage, since when, the stage's target, how late. No personal data.
 */
@Named
@ViewScoped
public class SupervisedReportView implements Serializable {
    @EJB
    Supervision supervision;

    private Long id;
    private Supervision.StageReport report;

    public void load() throws IOException {
        try {
            if (id == null) {
                throw DomainException.notFound("report_not_found", "Signalement introuvable.");
            }
            report = supervision.report(id);
        } catch (DomainException e) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, e.getMessage());
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Supervision.StageReport getReport() {
        return report;
    }
}
