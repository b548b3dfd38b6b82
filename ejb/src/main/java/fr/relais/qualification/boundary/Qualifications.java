package fr.relais.qualification.boundary;

import fr.relais.anonymisation.boundary.Anonymisation;
import fr.relais.anonymisation.control.ReporterIdentity;
import fr.relais.audit.boundary.AuditTrail;
import fr.relais.audit.boundary.Chain;
import fr.relais.directory.boundary.AccountEvent;
import fr.relais.directory.boundary.Caller;
import fr.relais.directory.boundary.Communes;
import fr.relais.directory.boundary.Directory;
import fr.relais.forwarding.boundary.Forwarding;
import fr.relais.intake.boundary.IdempotencyKeys;
import fr.relais.intake.boundary.Intake;
import fr.relais.intake.control.Idempotency;
import fr.relais.intake.entity.Chat;
import fr.relais.intake.entity.IdempotencyKey;
import fr.relais.privacy.boundary.Seals;
import fr.relais.qualification.control.AcknowledgementDeadlines;
import fr.relais.qualification.control.Decisions;
import fr.relais.qualification.control.QualificationChanges;
import fr.relais.qualification.control.ReceiptReference;
import fr.relais.qualification.entity.CitizenStatement;
import fr.relais.qualification.entity.FactsWhen;
import fr.relais.qualification.entity.Qualification;
import fr.relais.qualification.entity.QualificationDraft;
import fr.relais.qualification.entity.Report;
import fr.relais.shared.DomainException;
import fr.relais.shared.Role;
import fr.relais.workflow.ProcessVariables;
import fr.relais.workflow.ProcessVariables.Validation;
import fr.relais.workflow.ProcessVariables.ValidationDecision;
import fr.relais.workflow.Workflow;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reports: made during a conversation, qualified, reviewed before they leave the platform. */
@Stateless
public class Qualifications {
    @PersistenceContext
    EntityManager em;

    @EJB
    Intake intake;

    @EJB
    Directory directory;

    @EJB
    Workflow workflow;

    @EJB
    Anonymisation anonymisation;

    @EJB
    Forwarding forwarding;

    @EJB
    Communes communes;

    @EJB
    AuditTrail trail;

    @EJB
    Seals seals;

    @EJB
    IdempotencyKeys idempotencyKeys;

    /** Tells the operators' screens when a report received by the form is taken by an operator. */
    @Inject
    Event<ReportEvent> events;

    Clock clock = Clock.systemUTC();

    /**
     * Makes a report from the conversation the caller holds; the report waits for the caller's
     * qualification and the conversation goes on. The citizen reads the report's receipt reference in
     * the conversation.
     */
    @RolesAllowed(Role.OPERATOR)
    public StaffReport startReport(long chatId) {
        return startReport(chatId, null);
    }

    /**
     * {@link #startReport(long)} with an idempotency key: a retry by the same operator with the same
     * key (a client that lost the answer, e.g. to a server's crash) returns the report the first attempt
     * made and makes nothing; while a request with the key runs, 409 {@link Intake#IDEMPOTENCY_RACE}.
     */
    @RolesAllowed(Role.OPERATOR)
    public StaffReport startReport(long chatId, String idempotencyKey) {
        String key = Idempotency.checked(idempotencyKey);
        IdempotencyKey claimed = null;
        if (key != null) {
            String caller = directory.currentCaller().username();
            String requestHash = Idempotency.requestHash(String.valueOf(chatId));
            String keyHash = Idempotency.keyHash("staff-report:" + caller + ":" + chatId, key);
            Optional<IdempotencyKey> earlier = idempotencyKeys.earlier(keyHash, requestHash, clock.instant());
            if (earlier.isPresent()) {
                return staffView(em.find(Report.class, earlier.get().reportId()));
            }
            claimed = idempotencyKeys.claim(keyHash, requestHash, clock.instant());
        }
        Chat chat = intake.recordReport(chatId);
        Report report = new Report(chat.id(), chat.platform(), chat.operator(), clock.instant());
        report.assignReference(newReference());
        em.persist(report);
        em.flush();
        intake.postReceipt(chat.id(), report.reference());
        report.attachProcess(workflow.startReport(
                report.id(), chat.platform().name(), chat.operator(), chat.id(), chat.processInstanceId()));
        trail.record(
                Chain.report(report.id()),
                "report_created",
                Map.of("chatId", chat.id(), "platform", chat.platform().name(), "reference", report.reference()));
        if (claimed != null) {
            claimed.submittedReport(report.id());
        }
        return staffView(report);
    }

    /**
     * An administrator disabled the account: the reports it was qualifying go back to the platform
     * (synchronous observer, in the transaction of the change); the next operator to qualify one takes it.
     */
    public void onAccountDisabled(@Observes AccountEvent.Disabled disabled) {
        em.createQuery("select r from Report r where r.operator = :operator and r.status = :status", Report.class)
                .setParameter("operator", disabled.username())
                .setParameter("status", Report.Status.QUALIFYING)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(Report::release);
    }

    /** Records the qualification; the engine then prepares the outgoing narrative for review. */
    @RolesAllowed(Role.OPERATOR)
    public StaffReport qualify(long reportId, Qualification qualification) {
        if (qualification == null) {
            throw DomainException.invalid("invalid_qualification", "Qualification manquante.");
        }
        Caller caller = directory.currentCaller();
        Report report = ownReport(reportId, caller);
        boolean unchecked = report.operator() == null; // received by the form: this operator takes it
        Qualification valid = qualification.validated();
        var place = communes.resolve(valid.communeInsee(), valid.commune(), valid.postalCode());
        FactsWhen when = valid.when().resolve(communes.timeZone(place.commune().department()), clock.instant());
        QualificationChanges before = QualificationChanges.of(report);
        report.qualify(
                valid.at(place.insee(), place.name(), place.postalCode()), when, caller.username(), clock.instant());
        em.createNamedQuery(QualificationDraft.DELETE_OF_REPORT)
                .setParameter("report", report.id())
                .executeUpdate();
        workflow.complete(
                report.processInstanceId(),
                ProcessVariables.TASK_QUALIFY,
                caller.actor(),
                Map.of(ProcessVariables.OPERATOR, caller.username()));
        QualificationChanges after = QualificationChanges.of(report);
        trail.recordWithPersonal(
                Chain.report(report.id()), "report_qualified", before.to(after), before.personalTo(after));
        if (unchecked) {
            events.fire(new ReportEvent.FormReportsChanged(report.id(), report.platform()));
        }
        return staffView(report);
    }

    /**
     * Saves the caller's draft of the report's qualification form (the fields as typed), while the
     * report waits for its qualification by the caller; replaces the previous one. Returns when it
     * was saved.
     */
    @RolesAllowed(Role.OPERATOR)
    public java.time.Instant saveDraft(long reportId, Map<String, String> fields) {
        if (fields == null
                || fields.size() > QualificationDraft.MAX_FIELDS
                || fields.entrySet().stream()
                        .anyMatch(f -> f.getKey() == null
                                || f.getKey().length() > 40
                                || (f.getValue() != null && f.getValue().length() > QualificationDraft.MAX_FIELD))) {
            throw DomainException.invalid("invalid_draft", "Brouillon invalide ou trop long.");
        }
        Caller caller = directory.currentCaller();
        Report report = heldForQualification(reportId, caller);
        QualificationDraft draft = draftOf(report.id(), caller.username()).orElseGet(() -> {
            QualificationDraft created = new QualificationDraft(report.id(), caller.username());
            em.persist(created);
            return created;
        });
        draft.save(fields, clock.instant());
        return draft.updatedAt();
    }

    /**
     * The caller's draft of the report's qualification form, empty when there is none or the report
     * no longer waits for its qualification.
     */
    @RolesAllowed(Role.OPERATOR)
    public Map<String, String> draft(long reportId) {
        Caller caller = directory.currentCaller();
        Report report = em.find(Report.class, reportId);
        if (report == null
                || !caller.worksOn(report.platform())
                || (report.operator() != null && !report.operator().equals(caller.username()))
                || report.status() != Report.Status.QUALIFYING) {
            return Map.of();
        }
        return draftOf(reportId, caller.username())
                .map(QualificationDraft::fields)
                .orElse(Map.of());
    }

    private java.util.Optional<QualificationDraft> draftOf(long reportId, String operator) {
        return em.createNamedQuery(QualificationDraft.OF_REPORT_AND_OPERATOR, QualificationDraft.class)
                .setParameter("report", reportId)
                .setParameter("operator", operator)
                .getResultStream()
                .findFirst();
    }

    /** The report the caller qualifies now: theirs (or received by a form, nobody's yet), at qualification. */
    private Report heldForQualification(long reportId, Caller caller) {
        Report report = em.find(Report.class, reportId);
        if (report == null || !caller.worksOn(report.platform())) {
            throw DomainException.notFound("report_not_found", "Signalement introuvable.");
        }
        if (report.operator() != null && !report.operator().equals(caller.username())) {
            throw DomainException.forbidden("Ce signalement est suivi par un autre opérateur.");
        }
        if (report.status() != Report.Status.QUALIFYING) {
            throw DomainException.conflict("report_state", "Le signalement n'attend plus sa qualification.");
        }
        return report;
    }

    /** Approves the outgoing narrative (as proposed, or as corrected); the engine then forwards it. */
    @RolesAllowed(Role.OPERATOR)
    public StaffReport review(long reportId, String correctedNarrative) {
        return review(reportId, correctedNarrative, null);
    }

    /**
     * Approves the outgoing narrative (as proposed, or as corrected); the engine then forwards it. An
     * anonymous report's hand correction is checked again by the anonymisation engine: anything
     * identifying it finds (a phone number typed in, a name) refuses the approval, unless the operator
     * releases it with a reason, which is recorded (the kinds released and the reason, never the values).
     *
     * @throws DomainException 409 {@code identifying_data} listing what was found, 400 {@code release_reason_too_long}
     */
    @RolesAllowed(Role.OPERATOR)
    public StaffReport review(long reportId, String correctedNarrative, String releaseReason) {
        if (correctedNarrative != null && correctedNarrative.length() > Qualification.MAX_NARRATIVE) {
            throw DomainException.invalid("narrative_too_long", "Le récit dépasse 20 000 caractères.");
        }
        String reason = releaseReason == null || releaseReason.isBlank() ? null : releaseReason.strip();
        if (reason != null && reason.length() > 1000) {
            throw DomainException.invalid("release_reason_too_long", "Le motif dépasse 1 000 caractères.");
        }
        Caller caller = directory.currentCaller();
        Report report = ownReport(reportId, caller);
        List<String> released = List.of();
        List<String> releasedValues = List.of();
        // a browser's text area sends line ends as CR LF: the same text is no correction
        boolean corrected = correctedNarrative != null && !sameText(correctedNarrative, report.outgoingNarrative());
        if (report.anonymous() && corrected) {
            // a value the operator released one by one is in clear in the stored outgoing text: not new
            String approved = report.outgoingNarrative();
            var found = anonymisation.redact(correctedNarrative, identity(report)).redactions().stream()
                    .filter(r ->
                            approved == null || !approved.contains(correctedNarrative.substring(r.start(), r.end())))
                    .toList();
            releasedValues = found.stream()
                    .map(r -> correctedNarrative.substring(r.start(), r.end()))
                    .distinct()
                    .toList();
            if (!found.isEmpty() && reason == null) {
                throw DomainException.conflict(
                        "identifying_data",
                        "Le texte corrigé contient des éléments identifiants : "
                                + found.stream()
                                        .map(r -> r.type().label() + " « "
                                                + correctedNarrative.substring(r.start(), r.end()) + " »")
                                        .collect(java.util.stream.Collectors.joining(", "))
                                + ". Retirez-les, ou libérez-les en donnant un motif.");
            }
            released =
                    found.stream().map(r -> r.type().name()).distinct().sorted().toList();
        }
        String proposed = report.outgoingNarrative();
        report.approveOutgoingNarrative(correctedNarrative);
        workflow.complete(
                report.processInstanceId(), ProcessVariables.TASK_REVIEW_ANONYMISATION, caller.actor(), Map.of());
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("corrected", corrected);
        if (!released.isEmpty()) {
            fields.put("released", released.toString());
            fields.put("releaseReason", reason);
        }
        Map<String, Object> personal = new java.util.LinkedHashMap<>();
        if (corrected) {
            personal.put("before", proposed);
            personal.put("after", correctedNarrative);
        }
        if (!released.isEmpty()) {
            personal.put("releasedValues", releasedValues);
        }
        trail.recordWithPersonal(Chain.report(report.id()), "narrative_reviewed", fields, personal);
        return staffView(report);
    }

    /** Longest text an operator may mask by selecting it at review. */
    public static final int MAX_SELECTION = 500;

    /**
     * The entities the engine finds in the original of the report the caller reviews, and what became of
     * each in the outgoing text. Reading it is a read of personal data (recorded).
     */
    @RolesAllowed(Role.OPERATOR)
    public ReviewEntities reviewEntities(long reportId) {
        Report report = underReview(reportId);
        seals.recordRead(report.id(), null);
        return reviewEntities(report, report.outgoingNarrative());
    }

    /** The same for a text being corrected on the screen (not stored yet). */
    @RolesAllowed(Role.OPERATOR)
    public ReviewEntities reviewEntities(long reportId, String outgoing) {
        Report report = underReview(reportId);
        return reviewEntities(report, outgoing == null ? report.outgoingNarrative() : outgoing);
    }

    private ReviewEntities reviewEntities(Report report, String outgoing) {
        String text = outgoing == null ? "" : outgoing;
        List<ReviewEntities.Entity> entities = new ArrayList<>();
        if (report.anonymous() && report.narrative() != null) {
            for (var f : anonymisation.findings(report.narrative(), identity(report))) {
                ReviewEntities.State state = f.replacement() != null && text.contains(f.replacement())
                        ? ReviewEntities.State.REDACTED
                        : text.contains(f.value()) ? ReviewEntities.State.RELEASED : ReviewEntities.State.REMOVED;
                entities.add(new ReviewEntities.Entity(
                        f.index(),
                        f.type().name(),
                        f.type().label(),
                        f.start(),
                        f.end(),
                        f.value(),
                        f.replacement(),
                        state));
            }
        }
        return new ReviewEntities(report.id(), text, entities);
    }

    /**
     * Masks, at review, a piece of the outgoing text the engine missed: every occurrence of {@code
     * selection} becomes a placeholder of {@code type} ("[TÉLÉPHONE 2]", numbered after those of the text),
     * in the stored outgoing text and in {@code text} (the screen's text being corrected, or null).
     * Recorded (the type and the length, the value sealed). Returns the text with the mask.
     *
     * @throws DomainException 400 {@code selection_invalid} or {@code entity_type_unknown}, 409 {@code report_state}
     */
    @RolesAllowed(Role.OPERATOR)
    public String addRedaction(long reportId, String selection, String type, String text) {
        if (selection == null || selection.isBlank() || selection.length() > MAX_SELECTION) {
            throw DomainException.invalid(
                    "selection_invalid", "Sélectionnez le texte à masquer (500 caractères au plus).");
        }
        fr.relais.anonymisation.control.EntityType entityType = entityType(type);
        Report report = underReview(reportId);
        String stored = report.outgoingNarrative() == null ? "" : report.outgoingNarrative();
        String working = text == null ? stored : text;
        if (!working.contains(selection) && !stored.contains(selection)) {
            throw DomainException.invalid(
                    "selection_invalid", "Le texte sélectionné n'est pas dans le texte transmis.");
        }
        String placeholder = nextPlaceholder(entityType, working + "\n" + stored);
        report.reviseOutgoingNarrative(stored.replace(selection, placeholder));
        trail.recordWithPersonal(
                Chain.report(report.id()),
                "redaction_added",
                Map.of("type", entityType.name(), "placeholder", placeholder),
                Map.of("value", selection));
        return working.replace(selection, placeholder);
    }

    /**
     * Releases, at review, one entity the engine found in the original ({@code index} of {@link
     * #reviewEntities}): its placeholder becomes its value again, in the stored outgoing text and in
     * {@code text} (or null). A reason is required; the type and the reason are recorded, the value sealed.
     *
     * @throws DomainException 400 {@code reason_required}, 404 {@code entity_not_found}, 409 {@code
     *     entity_not_redacted} or {@code report_state}
     */
    @RolesAllowed(Role.OPERATOR)
    public String releaseRedaction(long reportId, int index, String reason, String text) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw DomainException.invalid("reason_required", "Un motif est obligatoire pour libérer un élément.");
        }
        if (why.length() > 1000) {
            throw DomainException.invalid("release_reason_too_long", "Le motif dépasse 1 000 caractères.");
        }
        Report report = underReview(reportId);
        var findings = report.anonymous() && report.narrative() != null
                ? anonymisation.findings(report.narrative(), identity(report))
                : List.<Anonymisation.Finding>of();
        if (index < 0 || index >= findings.size()) {
            throw DomainException.notFound("entity_not_found", "Élément introuvable dans le récit.");
        }
        var finding = findings.get(index);
        String stored = report.outgoingNarrative() == null ? "" : report.outgoingNarrative();
        String working = text == null ? stored : text;
        String placeholder = finding.replacement();
        if (placeholder == null || !(working.contains(placeholder) || stored.contains(placeholder))) {
            throw DomainException.conflict(
                    "entity_not_redacted", "Cet élément n'est pas masqué dans le texte transmis.");
        }
        report.reviseOutgoingNarrative(stored.replace(placeholder, finding.value()));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", finding.type().name());
        fields.put("index", (long) index);
        fields.put("reason", why);
        trail.recordWithPersonal(
                Chain.report(report.id()), "redaction_released", fields, Map.of("value", finding.value()));
        return working.replace(placeholder, finding.value());
    }

    private static fr.relais.anonymisation.control.EntityType entityType(String type) {
        try {
            return fr.relais.anonymisation.control.EntityType.valueOf(type == null ? "" : type.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("entity_type_unknown", "Type d'élément inconnu.");
        }
    }

    /** "[TÉLÉPHONE n]" with n one more than the highest of that type in {@code text}. */
    static String nextPlaceholder(fr.relais.anonymisation.control.EntityType type, String text) {
        var matcher = java.util.regex.Pattern.compile(
                        "\\[" + java.util.regex.Pattern.quote(type.label()) + " (\\d{1,6})\\]")
                .matcher(text);
        int max = 0;
        while (matcher.find()) {
            max = Math.max(max, Integer.parseInt(matcher.group(1)));
        }
        return "[" + type.label() + " " + (max + 1) + "]";
    }

    /** The report the caller reviews now, locked: theirs, at review. */
    private Report underReview(long reportId) {
        Report report = ownReport(reportId, directory.currentCaller());
        if (report.status() != Report.Status.IN_REVIEW) {
            throw DomainException.conflict("report_state", "Le signalement n'est pas à l'étape de relecture.");
        }
        return report;
    }

    private static boolean sameText(String a, String b) {
        return b != null
                && a.replace("\r\n", "\n")
                        .strip()
                        .equals(b.replace("\r\n", "\n").strip());
    }

    /**
     * Called by the engine after qualification: the outgoing narrative, redacted (fail-closed) when
     * the reporter asked for anonymity. The operator reviews it next.
     */
    public void prepareOutgoingNarrative(long reportId) {
        Report report = em.find(Report.class, reportId, LockModeType.PESSIMISTIC_WRITE);
        report.proposeOutgoingNarrative(
                report.anonymous()
                        ? anonymisation
                                .redact(report.narrative(), identity(report))
                                .text()
                        : report.narrative());
    }

    private static final Set<Report.Status> UNIT_STAGES =
            EnumSet.of(Report.Status.ACKNOWLEDGED, Report.Status.TAKEN_OVER, Report.Status.CLOSED);

    /** Called by the model's {@code reportStage} listeners: the report entered {@code stage}. */
    public void recordStage(long reportId, Report.Status stage) {
        Report report = em.find(Report.class, reportId);
        if (UNIT_STAGES.contains(stage)) {
            // the engine's job after a unit's answer may run while a supervisor validates the same
            // report: wait for that row lock and read the committed report, rather than fail at commit
            // on its version and wait for the job to be run again
            em.flush();
            em.refresh(report, LockModeType.PESSIMISTIC_WRITE);
        }
        if (stage == Report.Status.CLOSED) {
            report.close(clock.instant());
        } else {
            report.enterStage(stage);
        }
        if (stage == Report.Status.FORWARDED) {
            report.startAcknowledgementClock(clock.instant());
            // the handoffs' figures read the target from the handoff that brought the report there (V52)
            forwarding.lastHandoff(report.id()).ifPresent(h -> h.acknowledgementTarget(report.acknowledgeDueAt()));
            // the platform's work ends here when its conversation is over: its originals are sealed now
            seals.reportForwarded(report.id());
        }
        events.fire(new ReportEvent.StageEntered(report.id()));
    }

    /**
     * Called by the engine as the report enters a unit's inbox (after its clock started): the deadlines
     * of the acknowledgement's timers, see {@link AcknowledgementDeadlines}.
     */
    public AcknowledgementDeadlines acknowledgementDeadlines(long reportId, Duration secondDelay) {
        Report report = em.find(Report.class, reportId);
        return AcknowledgementDeadlines.of(
                clock.instant(),
                report.acknowledgeDueAt(),
                report.timeToAcknowledge() == null ? null : Duration.parse(report.timeToAcknowledge()),
                secondDelay);
    }

    /**
     * Called by the engine after each qualification: the decision tables of the report's process
     * deployment decide its priority, service-level targets, kind of unit and validation, stored on the
     * report. Returns whether and when a supervisor validates it.
     */
    public Validation applyDecisions(long reportId, String processDefinitionId) {
        Report report = em.find(Report.class, reportId, LockModeType.PESSIMISTIC_WRITE);
        Map<String, Object> facts = new HashMap<>();
        facts.put("category", report.category().name());
        facts.put("urgency", report.urgency().name());
        facts.put("dangerNow", report.dangerNow());
        facts.put("victimMinor", report.victimMinor());
        Map<String, Object> outputs = new HashMap<>();
        List<String> versions = new ArrayList<>();
        for (String table : List.of(
                ProcessVariables.DECISION_PRIORITY,
                ProcessVariables.DECISION_UNIT_KIND,
                ProcessVariables.DECISION_VALIDATION)) {
            Workflow.Decided decided = workflow.decide(processDefinitionId, table, facts);
            outputs.putAll(decided.outputs());
            versions.add(decided.version());
        }
        Workflow.Decided levels = workflow.decide(
                processDefinitionId,
                ProcessVariables.DECISION_SERVICE_LEVELS,
                Map.of("priority", outputs.get("priority")));
        outputs.putAll(levels.outputs());
        versions.add(levels.version());
        Decisions decisions = Decisions.of(outputs, String.join(" ", versions));
        report.applyDecisions(decisions);
        trail.record(Chain.report(reportId), "decisions_applied", decided(facts, outputs, versions));
        return decisions.validation();
    }

    /**
     * A supervisor of the report's platform validates its qualification: approved, it goes on; sent
     * back (comment mandatory), it returns to its operator, or, when it was forwarded at once, the
     * operator gets the remarks and the report goes on.
     */
    @RolesAllowed(Role.SUPERVISOR)
    public StaffReport validate(long reportId, ValidationDecision decision, String comment) {
        if (decision == null) {
            throw DomainException.invalid("invalid_decision", "La décision (APPROVED ou SENT_BACK) est obligatoire.");
        }
        Caller caller = directory.currentCaller();
        Report report = em.find(Report.class, reportId, LockModeType.PESSIMISTIC_WRITE);
        if (report == null || !caller.worksOn(report.platform())) {
            throw DomainException.notFound("report_not_found", "Signalement introuvable.");
        }
        Validation when = report.validation();
        report.validate(decision, comment, caller.username(), clock.instant());
        workflow.complete(
                report.processInstanceId(),
                when == Validation.AFTER_FORWARDING
                        ? ProcessVariables.TASK_VALIDATE_AFTER_FORWARDING
                        : ProcessVariables.TASK_VALIDATE_QUALIFICATION,
                caller.actor(),
                Map.of(ProcessVariables.VALIDATION_DECISION, decision.name()));
        trail.record(Chain.report(reportId), "validation_decided", validated(when, decision, comment));
        return staffView(report);
    }

    /** The reports of the caller's platform waiting for a supervisor's validation, the most pressing first. */
    @RolesAllowed(Role.SUPERVISOR)
    public List<ValidationCase> awaitingValidation() {
        return em
                .createNamedQuery(Report.AWAITING_VALIDATION, Report.class)
                .setParameter("platform", directory.currentCaller().platform())
                .getResultList()
                .stream()
                .map(ValidationCase::of)
                .toList();
    }

    /**
     * A report as its platform's staff may see it; another platform's does not exist for them. A read of
     * its original before sealing is recorded.
     */
    @RolesAllowed({Role.OPERATOR, Role.SUPERVISOR, Role.PSYCHOLOGIST})
    public Report report(long reportId) {
        Report report = em.find(Report.class, reportId);
        if (report == null || !directory.currentCaller().worksOn(report.platform())) {
            throw DomainException.notFound("report_not_found", "Signalement introuvable.");
        }
        if (!report.sealed() && report.erasedAt() == null && report.qualifiedAt() != null) {
            // the caller reads the original narrative and identity: recorded (screens and API alike)
            seals.recordRead(report.id(), null);
        }
        return report;
    }

    /**
     * Where the report with this receipt reference is, for anyone who has the reference. An unknown
     * reference and one that cannot be a reference get the same answer: nothing to probe.
     */
    @PermitAll
    public ReceiptStatus receiptStatus(String reference) {
        return ReceiptStatus.of(byReference(reference)
                .orElseThrow(() -> DomainException.notFound(
                        "receipt_not_found", "Aucun signalement ne correspond à cette référence.")));
    }

    /**
     * The id of the report with this receipt reference, for staff, who then read it through the
     * projection of their audience and scope (another platform's or unit's report stays not found).
     */
    @RolesAllowed({Role.OPERATOR, Role.SUPERVISOR, Role.PSYCHOLOGIST, Role.UNIT_AGENT, Role.AUDITOR})
    public long idByReference(String reference) {
        return byReference(reference)
                .map(Report::id)
                .orElseThrow(() -> DomainException.notFound("report_not_found", "Signalement introuvable."));
    }

    private java.util.Optional<Report> byReference(String reference) {
        return ReceiptReference.normalise(reference)
                .flatMap(canonical -> em.createNamedQuery(Report.BY_REFERENCE, Report.class)
                        .setParameter("reference", canonical)
                        .getResultStream()
                        .findFirst());
    }

    private String newReference() {
        return ReceiptReference.unused(reference -> !em.createNamedQuery(Report.BY_REFERENCE, Report.class)
                .setParameter("reference", reference)
                .setMaxResults(1)
                .getResultList()
                .isEmpty());
    }

    /** The staff's projection: everything, with the unit the report is with. */
    @RolesAllowed({Role.OPERATOR, Role.SUPERVISOR, Role.PSYCHOLOGIST})
    public StaffReport staffReport(long reportId) {
        return staffView(report(reportId));
    }

    /** The staff's projection of a report, as committed by the current transaction so far. */
    private StaffReport staffView(Report report) {
        return StaffReport.of(
                report,
                forwarding.lastHandoff(report.id()).orElse(null),
                report.chatId() == null ? Statement.of(em.find(CitizenStatement.class, report.id())) : null);
    }

    /** The auditors' projection: no identity, no contact, the narrative redacted. */
    @RolesAllowed(Role.AUDITOR)
    public AuditedReport auditedReport(long reportId) {
        Report report = em.find(Report.class, reportId);
        if (report == null) {
            throw DomainException.notFound("report_not_found", "Signalement introuvable.");
        }
        trail.record(
                Chain.user(directory.currentCaller().username(), reportId),
                "report_read",
                Map.of("reportId", reportId));
        // once sealed, the original is out of reach: the auditor reads what left the platform, redacted
        String told = report.narrative() != null ? report.narrative() : report.outgoingNarrative();
        String narrative = told == null
                ? null
                : anonymisation.redact(told, identity(report)).text();
        return AuditedReport.of(
                report, narrative, forwarding.lastHandoff(report.id()).orElse(null));
    }

    /** The reports the caller qualifies or reviews now. */
    @RolesAllowed(Role.OPERATOR)
    public List<Report> inProgress() {
        Caller caller = directory.currentCaller();
        return em.createNamedQuery(Report.OF_OPERATOR_IN, Report.class)
                .setParameter("platform", caller.platform())
                .setParameter("operator", caller.username())
                .setParameter(
                        "statuses",
                        List.of(
                                Report.Status.QUALIFYING,
                                Report.Status.AWAITING_VALIDATION,
                                Report.Status.ANONYMISING,
                                Report.Status.IN_REVIEW))
                .getResultList();
    }

    /** The decision tables' inputs and outputs, for the audit trail (ids and categories, nothing personal). */
    private static Map<String, Object> decided(
            Map<String, Object> facts, Map<String, Object> outputs, List<String> versions) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("inputs", facts);
        Map<String, Object> out = new LinkedHashMap<>();
        outputs.forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
        fields.put("outputs", out);
        fields.put("versions", versions);
        return fields;
    }

    /** A supervisor's validation, for the audit trail: the comment is staff's own text. */
    private static Map<String, Object> validated(Validation when, ValidationDecision decision, String comment) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("stage", when == null ? null : when.name());
        fields.put("decision", decision.name());
        fields.put("comment", comment);
        return fields;
    }

    private Report ownReport(long reportId, Caller caller) {
        Report report = em.find(Report.class, reportId, LockModeType.PESSIMISTIC_WRITE);
        if (report == null || !caller.worksOn(report.platform())) {
            throw DomainException.notFound("report_not_found", "Signalement introuvable.");
        }
        if (report.operator() != null && !report.operator().equals(caller.username())) {
            throw DomainException.forbidden("Ce signalement est suivi par un autre opérateur.");
        }
        return report;
    }

    private static ReporterIdentity identity(Report report) {
        return report.reporter().identity();
    }
}
