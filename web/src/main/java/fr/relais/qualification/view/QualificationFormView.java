package fr.relais.qualification.view;

import fr.relais.directory.boundary.Communes;
import fr.relais.directory.control.Commune;
import fr.relais.intake.boundary.ChatLine;
import fr.relais.intake.boundary.Intake;
import fr.relais.qualification.boundary.CitizenReports;
import fr.relais.qualification.boundary.Statement;
import fr.relais.qualification.entity.Category;
import fr.relais.qualification.entity.Qualification;
import fr.relais.qualification.entity.Report;
import fr.relais.qualification.entity.Urgency;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import fr.relais.workflow.ProcessVariables.ValidationDecision;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The operator qualifies a report: facts, place, time, urgency, victim, anonymity, identity. */
@Named
@ViewScoped
public class QualificationFormView extends ReportPage {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm");

    /** A suggestion of the commune field ends with the INSEE code in brackets: "Lyon — Rhône (69123)". */
    private static final Pattern SUGGESTION = Pattern.compile("^(.*) \\(([0-9AB]{5})\\)$");

    @EJB
    Communes communes;

    @EJB
    Intake intake;

    @EJB
    CitizenReports citizenReports;

    /** What the citizen stated on the public form; null for a report made in a conversation. */
    private Statement statement;

    private List<ChatLine> transcript;

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

    /**
     * Loads the report; for one received by the public form, also the citizen's statement, which
     * prefills the form the first time (the operator checks and completes it).
     */
    @Override
    public void load() {
        super.load();
        statement = null;
        if (report == null || report.chatId() != null) {
            return;
        }
        try {
            statement = citizenReports.statement(report.id()).orElse(null);
        } catch (DomainException e) {
            Messages.refused(e);
        }
        if (statement != null && report.qualifiedAt() == null && isEditable()) {
            prefill(statement);
        }
    }

    private void prefill(Statement s) {
        category = Category.valueOf(s.category());
        try {
            commune = suggestion(communes.byInsee(s.communeInsee()));
        } catch (DomainException e) {
            commune = s.commune();
        }
        postalCode = s.postalCode();
        factsAt = s.factsAt() == null ? null : LocalDateTime.ofInstant(s.factsAt(), PARIS);
        narrative = s.place() == null
                ? s.narrative()
                : Messages.text("form.statement.placePrefix") + " " + s.place() + "\n\n" + s.narrative();
        anonymous = s.anonymous();
        contactConsent = s.reporter().phone() != null || s.reporter().email() != null;
        firstName = s.reporter().firstName();
        lastName = s.reporter().lastName();
        phone = s.reporter().phone();
        email = s.reporter().email();
    }

    public Statement getStatement() {
        return statement;
    }

    /** When the facts happened as the citizen said it, in French: a date, a date and a local time, or unknown. */
    public String getStatementWhen() {
        if (statement == null) {
            return null;
        }
        String when = statement.when();
        if (when.length() == 10) {
            return java.time.LocalDate.parse(when).format(DAY);
        }
        if (when.length() == 16) {
            LocalDateTime at = LocalDateTime.parse(when);
            return at.format(DAY) + " " + at.format(TIME) + " " + Messages.text("form.statement.localTime");
        }
        return Messages.text("form.statement.when.unknown");
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
            Matcher suggestion = commune == null ? null : SUGGESTION.matcher(commune.strip());
            boolean picked = suggestion != null && suggestion.matches();
            qualifications.qualify(
                    id,
                    new Qualification(
                            category,
                            blankToNull(postalCode),
                            picked ? suggestion.group(1) : commune,
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
                                    blankToNull(email)),
                            picked ? suggestion.group(2) : null));
            return "/qualification/review?faces-redirect=true&id=" + id;
        } catch (DomainException e) {
            Messages.refused(e);
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Suggestions for the commune field: "name (INSEE code)", the code decides the place. */
    public List<String> completeCommune(String query) {
        if (query == null || query.strip().length() < 2 || query.length() > 60) {
            return List.of();
        }
        return communes.search(query, 10).stream()
                .map(QualificationFormView::suggestion)
                .toList();
    }

    static String suggestion(Commune c) {
        return c.name() + " — " + c.departmentName() + " (" + c.insee() + ")";
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
