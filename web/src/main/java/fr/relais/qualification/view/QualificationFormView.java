package fr.relais.qualification.view;

import fr.relais.intake.boundary.ChatLine;
import fr.relais.intake.boundary.Intake;
import fr.relais.qualification.entity.Category;
import fr.relais.qualification.entity.Qualification;
import fr.relais.qualification.entity.Report;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import jakarta.ejb.EJB;
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

    @EJB
    Intake intake;

    private List<ChatLine> transcript;

    private Category category;
    private String postalCode;
    private String commune;
    private LocalDateTime factsAt;
    private boolean urgent;
    private boolean victimMinor;
    private boolean anonymous = true; // fail-closed: identity leaves only if the citizen agreed
    private boolean contactConsent;
    private String narrative;
    private String firstName;
    private String lastName;
    private String phone;
    private String email;

    /**
     * The conversation the report was made from, as it goes on (re-read when the operator's push says
     * the citizen wrote); none for a report received by a form.
     */
    public List<ChatLine> getTranscript() {
        if (transcript == null) {
            transcript = report == null || report.chatId() == null ? List.of() : intake.transcript(report.chatId());
        }
        return transcript;
    }

    /** The push said the citizen wrote: the transcript is read again at the next render. */
    public void refreshTranscript() {
        transcript = null;
    }

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
                            urgent,
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

    public boolean isUrgent() {
        return urgent;
    }

    public void setUrgent(boolean urgent) {
        this.urgent = urgent;
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
