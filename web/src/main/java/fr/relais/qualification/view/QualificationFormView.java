package fr.relais.qualification.view;

import fr.relais.qualification.entity.Category;
import fr.relais.qualification.entity.Qualification;
import fr.relais.qualification.entity.Report;
import fr.relais.qualification.entity.Urgency;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import fr.relais.workflow.ProcessVariables.ValidationDecision;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** The operator qualifies a report: facts, place, time, urgency, victim, anonymity, identity. */
@Named
@ViewScoped
public class QualificationFormView extends ReportPage {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Category category;
    private String postalCode;
    private String commune;
    private LocalDateTime factsAt;
    private Urgency urgency;
    private boolean dangerNow;
    private boolean victimMinor;
    private boolean anonymous = true; // fail-closed: identity leaves only if the citizen agreed
    private boolean contactConsent;
    private String narrative;
    private String firstName;
    private String lastName;
    private String phone;
    private String email;

    public boolean isEditable() {
        return isAt(Report.Status.QUALIFYING);
    }

    public String submit() {
        try {
            qualifications.qualify(
                    id,
                    new Qualification(
                            category,
                            postalCode,
                            commune,
                            factsAt == null ? null : factsAt.atZone(PARIS).toInstant(),
                            urgency,
                            dangerNow,
                            victimMinor,
                            anonymous,
                            contactConsent,
                            narrative,
                            new Qualification.Reporter(
                                    blankToNull(firstName),
                                    blankToNull(lastName),
                                    blankToNull(phone),
                                    blankToNull(email))));
            return "/qualification/review?faces-redirect=true&id=" + id;
        } catch (DomainException e) {
            Messages.refused(e);
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public List<Category> getCategories() {
        return List.of(Category.values());
    }

    public Category getCategory() {
        return category;
    }

    public void setCategory(Category category) {
        this.category = category;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getCommune() {
        return commune;
    }

    public void setCommune(String commune) {
        this.commune = commune;
    }

    public LocalDateTime getFactsAt() {
        return factsAt;
    }

    public void setFactsAt(LocalDateTime factsAt) {
        this.factsAt = factsAt;
    }

    public List<Urgency> getUrgencies() {
        return List.of(Urgency.values());
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public void setUrgency(Urgency urgency) {
        this.urgency = urgency;
    }

    public boolean isDangerNow() {
        return dangerNow;
    }

    public void setDangerNow(boolean dangerNow) {
        this.dangerNow = dangerNow;
    }

    /** The supervisor's comment when the report came back for a new qualification, else null. */
    public String getSentBackComment() {
        return report != null && report.validationDecision() == ValidationDecision.SENT_BACK
                ? report.validationComment()
                : null;
    }

    public boolean isVictimMinor() {
        return victimMinor;
    }

    public void setVictimMinor(boolean victimMinor) {
        this.victimMinor = victimMinor;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public void setAnonymous(boolean anonymous) {
        this.anonymous = anonymous;
    }

    public boolean isContactConsent() {
        return contactConsent;
    }

    public void setContactConsent(boolean contactConsent) {
        this.contactConsent = contactConsent;
    }

    public String getNarrative() {
        return narrative;
    }

    public void setNarrative(String narrative) {
        this.narrative = narrative;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
