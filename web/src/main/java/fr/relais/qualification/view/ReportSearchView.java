package fr.relais.qualification.view;

import fr.relais.qualification.boundary.Qualifications;
import fr.relais.qualification.boundary.StaffReport;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Platform staff find a report by the receipt reference a citizen quotes (the search field of the
 * operator's and the supervisor's screens); the boundary applies the caller's scope.
 */
@Named
@ViewScoped
public class ReportSearchView implements Serializable {
    @EJB
    Qualifications qualifications;

    private String reference;
    private StaffReport found;

    public void search() {
        found = null;
        try {
            found = qualifications.staffReport(qualifications.idByReference(reference));
        } catch (DomainException e) {
            Messages.refused(e);
        }
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public StaffReport getFound() {
        return found;
    }
}
