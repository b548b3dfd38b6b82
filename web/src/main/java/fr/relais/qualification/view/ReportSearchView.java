package fr.relais.qualification.view;

import fr.relais.privacy.boundary.Seals;
import fr.relais.privacy.boundary.UnsealedReport;
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

    @EJB
    Seals seals;

    private String reference;
    private StaffReport found;
    private String unsealReason;
    private UnsealedReport unsealed;

    public void search() {
        found = null;
        unsealed = null;
        try {
            found = qualifications.staffReport(qualifications.idByReference(reference));
        } catch (DomainException e) {
            Messages.refused(e);
        }
    }

    /** A supervisor opens the sealed originals of the report found, giving a reason (recorded). */
    public void unseal() {
        unsealed = null;
        if (found == null) {
            return;
        }
        try {
            unsealed = seals.unsealReport(found.id(), unsealReason);
            unsealReason = null;
        } catch (DomainException e) {
            Messages.refused(e);
        }
    }

    public String getUnsealReason() {
        return unsealReason;
    }

    public void setUnsealReason(String unsealReason) {
        this.unsealReason = unsealReason;
    }

    public UnsealedReport getUnsealed() {
        return unsealed;
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
