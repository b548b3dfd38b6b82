package fr.relais.qualification.view;

import fr.relais.directory.boundary.Communes;
import fr.relais.directory.control.Commune;
import fr.relais.directory.control.DepartmentTimeZone;
import fr.relais.intake.boundary.ChatLine;
import fr.relais.intake.boundary.Intake;
import fr.relais.qualification.boundary.CitizenReports;
import fr.relais.qualification.boundary.Statement;
import fr.relais.qualification.entity.Category;
import fr.relais.qualification.entity.FactsTime;
import fr.relais.qualification.entity.Qualification;
import fr.relais.qualification.entity.Report;
import fr.relais.qualification.entity.Urgency;
import fr.relais.shared.DomainException;
import fr.relais.shared.Jsonp;
import fr.relais.shared.view.Messages;
import fr.relais.workflow.ProcessVariables.ValidationDecision;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.ValidatorException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.json.JsonException;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The operator qualifies a report: facts, place, time, urgency, victim, anonymity, identity. */
@Named
@ViewScoped
public class QualificationFormView extends ReportPage {
    static final ZoneId PARIS = DepartmentTimeZone.METROPOLITAN;
    static final String FORM = "qualification:";
    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final java.time.format.DateTimeFormatter DAY_TIME =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** The form's fields a draft keeps, as the page's script names them. */
    static final Set<String> DRAFT_FIELDS = Set.of(
            "category",
            "commune",
            "postalCode",
            "whenKind",
            "factsAt",
            "factsFrom",
            "factsTo",
            "urgency",
            "dangerNow",
            "victimMinor",
            "anonymous",
            "contactConsent",
            "narrative",
            "firstName",
            "lastName",
            "phone",
            "email");

    /** The field beside which a refusal of the boundary is shown, by its code. */
    static final Map<String, String> FIELD_OF_REFUSAL = Map.ofEntries(
            Map.entry("invalid_category", "category"),
            Map.entry("invalid_commune", "commune"),
            Map.entry("territory_not_covered", "commune"),
            Map.entry("invalid_postal_code", "postalCode"),
            Map.entry("postal_code_mismatch", "postalCode"),
            Map.entry("invalid_urgency", "urgency"),
            Map.entry("invalid_narrative", "narrative"),
            Map.entry("narrative_too_long", "narrative"),
            Map.entry("invalid_reporter", "firstName"),
            Map.entry("missing_facts_when", "whenKind"),
            Map.entry("invalid_facts_at", "factsAt"),
            Map.entry("invalid_facts_from", "factsFrom"),
            Map.entry("invalid_facts_to", "factsTo"),
            Map.entry("invalid_facts_period", "factsTo"));

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
    private String whenKind;
    private String factsAt;
    private String factsFrom;
    private String factsTo;
    private String draftSavedAt;
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

    /** The push said the citizen wrote: the transcript is read again at the next render. */
    public void refreshTranscript() {
        transcript = null;
    }

    public boolean isEditable() {
        return isAt(Report.Status.QUALIFYING);
    }

    /** The view action: the report, and the operator's draft of this form when there is one. */
    @Override
    public void load() {
        super.load();
        if (isEditable()) {
            restore(qualifications.draft(id));
        }
        statement = null;
        if (report == null || report.chatId() != null) {
            return;
        }
        // received by the public form: the citizen's statement, which prefills the form the first time
        // (the operator checks and completes it; a draft of theirs wins)
        try {
            statement = citizenReports.statement(report.id()).orElse(null);
        } catch (DomainException e) {
            Messages.refused(e);
        }
        if (statement != null && report.qualifiedAt() == null && isEditable() && !draftRestored) {
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
        String when = s.when();
        if (when != null && (when.length() == 10 || when.length() == 16)) {
            whenKind = FactsTime.Kind.EXACT.name();
            factsAt = when.length() == 10
                    ? java.time.LocalDate.parse(when).format(DAY)
                    : java.time.LocalDateTime.parse(when).format(DAY_TIME);
        } else {
            whenKind = FactsTime.Kind.UNKNOWN.name();
        }
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
        if (when != null && when.length() == 10) {
            return java.time.LocalDate.parse(when).format(DAY);
        }
        if (when != null && when.length() == 16) {
            return java.time.LocalDateTime.parse(when).format(DAY_TIME) + " "
                    + Messages.text("form.statement.localTime");
        }
        return Messages.text("form.statement.when.unknown");
    }

    /**
     * Saves the form as typed (the page's script sends it as JSON in the {@code draft} parameter
     * while the operator types); nothing is validated, a draft may be incomplete.
     */
    public void saveDraft() {
        String json = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("draft");
        if (id == null || json == null || json.length() > 100_000) {
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        try (var reader = Jsonp.createReader(new StringReader(json))) {
            reader.readObject().forEach((name, value) -> {
                if (DRAFT_FIELDS.contains(name) && value instanceof JsonString text) {
                    fields.put(name, text.getString());
                }
            });
        } catch (JsonException | ClassCastException e) {
            return;
        }
        try {
            draftSavedAt = LocalTime.ofInstant(qualifications.saveDraft(id, fields), PARIS)
                    .truncatedTo(ChronoUnit.SECONDS)
                    .toString();
        } catch (DomainException e) {
            draftSavedAt = null;
        }
    }

    private void restore(Map<String, String> draft) {
        if (draft.isEmpty()) {
            return;
        }
        category = enumOf(Category.class, draft.get("category"));
        commune = draft.get("commune");
        postalCode = draft.get("postalCode");
        whenKind = enumOf(FactsTime.Kind.class, draft.get("whenKind")) == null ? null : draft.get("whenKind");
        factsAt = draft.get("factsAt");
        factsFrom = draft.get("factsFrom");
        factsTo = draft.get("factsTo");
        urgency = enumOf(Urgency.class, draft.get("urgency"));
        dangerNow = "true".equals(draft.get("dangerNow"));
        victimMinor = "true".equals(draft.get("victimMinor"));
        anonymous = !"false".equals(draft.get("anonymous"));
        contactConsent = "true".equals(draft.get("contactConsent"));
        narrative = draft.get("narrative");
        firstName = draft.get("firstName");
        lastName = draft.get("lastName");
        phone = draft.get("phone");
        email = draft.get("email");
        draftRestored = true;
    }

    private boolean draftRestored;

    /** Whether the form opened with the operator's draft. */
    public boolean isDraftRestored() {
        return draftRestored;
    }

    /** When the draft was last saved (Paris time), null before. */
    public String getDraftSavedAt() {
        return draftSavedAt;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        try {
            return name == null || name.isBlank() ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * When the facts happened as the form says it; null when no choice was made (the boundary then
     * refuses it, naming the field). A date that is no date stops the submission with a message beside
     * its field.
     */
    private FactsTime factsTime() {
        FactsTime.Kind kind = enumOf(FactsTime.Kind.class, whenKind);
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case EXACT -> FactsTime.exact(moment("factsAt", factsAt));
            case PERIOD -> FactsTime.period(moment("factsFrom", factsFrom), moment("factsTo", factsTo));
            case UNKNOWN -> FactsTime.unknown();
        };
    }

    private static Temporal moment(String field, String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return FrenchDateTime.parse(typed).orElseThrow(() -> {
            String message = Messages.text("when.invalidDate");
            FacesContext.getCurrentInstance()
                    .addMessage(FORM + field, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
            return new UnreadableDate();
        });
    }

    /** A typed date that is no date; its message is already beside its field. */
    private static final class UnreadableDate extends RuntimeException {
        UnreadableDate() {
            super(null, null, false, false);
        }
    }

    /** Checks a date field as the operator leaves it: the format, before any submission. */
    public void validateMoment(FacesContext faces, UIComponent component, Object value) {
        if (value instanceof String typed
                && !typed.isBlank()
                && FrenchDateTime.parse(typed).isEmpty()) {
            String message = Messages.text("when.invalidDate");
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
        }
    }

    /**
     * The time zone the dates are told in, for the operator: the department's of the commune chosen
     * (e.g. "heure de La Réunion"), Paris time until a commune is chosen.
     */
    public String getZoneLabel() {
        return Messages.text("when.zone." + zone().getId());
    }

    /** Whether the time zone shown is the default one, no commune being chosen yet. */
    public boolean isZoneByDefault() {
        return place().isEmpty();
    }

    private ZoneId zone() {
        return place().flatMap(c -> DepartmentTimeZone.of(c.department())).orElse(PARIS);
    }

    private java.util.Optional<Commune> place() {
        Matcher suggestion = commune == null ? null : SUGGESTION.matcher(commune.strip());
        try {
            if (suggestion != null && suggestion.matches()) {
                return java.util.Optional.of(communes.byInsee(suggestion.group(2)));
            }
            if (commune != null && !commune.isBlank() && postalCode != null && !postalCode.isBlank()) {
                return java.util.Optional.of(
                        communes.resolve(null, commune, postalCode.strip()).commune());
            }
        } catch (DomainException e) {
            // not a place of the list yet: the default zone until it is
        }
        return java.util.Optional.empty();
    }

    public String submit() {
        FactsTime when;
        try {
            when = factsTime();
        } catch (UnreadableDate e) {
            return null;
        }
        try {
            Matcher suggestion = commune == null ? null : SUGGESTION.matcher(commune.strip());
            boolean picked = suggestion != null && suggestion.matches();
            qualifications.qualify(
                    id,
                    new Qualification(
                            category,
                            blankToNull(postalCode),
                            picked ? suggestion.group(1) : commune,
                            when,
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
            String field = FIELD_OF_REFUSAL.get(e.code());
            if (field == null) {
                Messages.refused(e);
            } else {
                FacesContext.getCurrentInstance()
                        .addMessage(
                                FORM + field,
                                new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), e.getMessage()));
            }
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

    public List<FactsTime.Kind> getWhenKinds() {
        return List.of(FactsTime.Kind.values());
    }

    public String getWhenKind() {
        return whenKind;
    }

    public void setWhenKind(String whenKind) {
        this.whenKind = whenKind;
    }

    public String getFactsAt() {
        return factsAt;
    }

    public void setFactsAt(String factsAt) {
        this.factsAt = factsAt;
    }

    public String getFactsFrom() {
        return factsFrom;
    }

    public void setFactsFrom(String factsFrom) {
        this.factsFrom = factsFrom;
    }

    public String getFactsTo() {
        return factsTo;
    }

    public void setFactsTo(String factsTo) {
        this.factsTo = factsTo;
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
