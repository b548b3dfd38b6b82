package fr.relais.audit.boundary;

import fr.relais.audit.control.PathTaken;
import fr.relais.audit.entity.AuditEvent;
import fr.relais.forwarding.entity.Handoff;
import fr.relais.privacy.boundary.PersonalFields;
import fr.relais.privacy.boundary.Seals;
import fr.relais.privacy.entity.DataKey;
import fr.relais.qualification.control.ReceiptReference;
import fr.relais.qualification.entity.Category;
import fr.relais.qualification.entity.Report;
import fr.relais.shared.DomainException;
import fr.relais.shared.Jsonp;
import fr.relais.shared.Platform;
import fr.relais.shared.Role;
import fr.relais.shared.UtcInstantConverter;
import fr.relais.workflow.EngineHistory;
import fr.relais.workflow.Workflow;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What auditors and administrators read: the search of reports and a report's history. Read-only on the
 * domain; each read and search is itself an event of the reader's own chain ({@code user:<name>}).
 */
@Stateless
@RolesAllowed({Role.AUDITOR, Role.ADMIN})
public class Audits {
    public static final int MAX_PAGE = 100;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @EJB
    EngineHistory engineHistory;

    @EJB
    AuditTrail trail;

    @EJB
    AuditChains chains;

    @EJB
    Workflow workflow;

    @EJB
    PersonalFields personalFields;

    @EJB
    Seals seals;

    /**
     * The search counts its matches up to this many, so that a wide search on millions of reports does not
     * count them all (measured by bench/history.sh: over a second for five million); beyond, {@code
     * totalCapped} says there are more.
     */
    public static final int MAX_COUNT = 10_000;

    /**
     * One page of the search, newest first, and how many match: exactly up to {@link #MAX_COUNT}, else
     * {@code MAX_COUNT} with {@code totalCapped} true (-1 when not counted).
     */
    public record Page(List<ReportRow> rows, long total, boolean totalCapped) {}

    /**
     * The reports matching the criteria, newest first; {@code first} and {@code size} (at most {@link
     * #MAX_PAGE}) choose the page. A reference that cannot be one matches nothing.
     */
    public Page search(ReportCriteria criteria, int first, int size, boolean count) {
        Page page = find(criteria, first, size, count);
        trail.record(
                Chain.user(me(), null),
                "reports_searched",
                searchFields(criteria == null ? ReportCriteria.none() : criteria, first));
        return page;
    }

    /** How many reports match (a screen's pager, before it loads the page, which is the recorded search). */
    public long count(ReportCriteria criteria) {
        return find(criteria, 0, 0, true).total();
    }

    /** {@code size} 0: only the count. */
    private Page find(ReportCriteria criteria, int first, int size, boolean count) {
        ReportCriteria c = criteria == null ? ReportCriteria.none() : criteria;
        if (first < 0 || size < (count ? 0 : 1) || size > MAX_PAGE) {
            throw DomainException.invalid("invalid_page", "Page invalide (taille de 1 à " + MAX_PAGE + ").");
        }
        if (c.from() != null && c.to() != null && c.to().isBefore(c.from())) {
            throw DomainException.invalid("invalid_period", "La fin de la période précède son début.");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (present(c.reference())) {
            Optional<String> reference = ReceiptReference.normalise(c.reference());
            if (reference.isEmpty()) {
                return new Page(List.of(), 0, false);
            }
            where.append(" and r.reference = :reference");
            params.put("reference", reference.get());
        }
        if (c.from() != null) {
            where.append(" and r.createdAt >= :from");
            params.put("from", c.from().atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (c.to() != null) {
            where.append(" and r.createdAt < :to");
            params.put("to", c.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (present(c.platform())) {
            where.append(" and r.platform = :platform");
            params.put("platform", value(Platform.class, c.platform(), "invalid_platform"));
        }
        if (present(c.category())) {
            where.append(" and r.category = :category");
            params.put("category", value(Category.class, c.category(), "invalid_category"));
        }
        if (present(c.status())) {
            where.append(" and r.status = :status");
            params.put("status", value(Report.Status.class, c.status(), "invalid_status"));
        }
        if (present(c.operator())) {
            where.append(" and r.operator = :operator");
            params.put("operator", c.operator().strip());
        }
        // By unit: the unit's first handoff of each report carries the report's creation time
        // (search_created_at, V47), so the search reads the unit's reports newest first from one index
        // (ix_handoff_unit_search) and stops at the page, each report once.
        String from = " from Report r";
        String order = " order by r.createdAt desc, r.id desc";
        if (present(c.unitCode())) {
            from = " from Handoff h, Report r";
            where.append(" and h.unitCode = :unit and h.searchCreatedAt is not null and r.id = h.reportId");
            if (c.from() != null) {
                where.append(" and h.searchCreatedAt >= :from");
            }
            if (c.to() != null) {
                where.append(" and h.searchCreatedAt < :to");
            }
            order = " order by h.searchCreatedAt desc, h.reportId desc";
            params.put("unit", c.unitCode().strip());
        }
        List<ReportRow> rows = List.of();
        if (size > 0) {
            TypedQuery<Report> query = em.createQuery("select r" + from + where + order, Report.class);
            params.forEach(query::setParameter);
            rows = query.setFirstResult(first).setMaxResults(size).getResultList().stream()
                    .map(this::row)
                    .toList();
        }
        long total = -1;
        boolean capped = false;
        if (count) {
            // the ids of at most MAX_COUNT + 1 matches (read from an index), not a count of every match
            // by unit (and dates) alone: the unit's first handoffs counted from their index, no report read
            boolean unitOnly = present(c.unitCode())
                    && !present(c.reference())
                    && !present(c.platform())
                    && !present(c.category())
                    && !present(c.status())
                    && !present(c.operator());
            TypedQuery<Long> counting;
            if (unitOnly) {
                counting = em.createQuery(
                        "select h.reportId from Handoff h where h.unitCode = :unit and h.searchCreatedAt is not null"
                                + (c.from() != null ? " and h.searchCreatedAt >= :from" : "")
                                + (c.to() != null ? " and h.searchCreatedAt < :to" : ""),
                        Long.class);
                for (String name : List.of("unit", "from", "to")) {
                    if (params.containsKey(name)) {
                        counting.setParameter(name, params.get(name));
                    }
                }
            } else {
                counting = em.createQuery("select r.id" + from + where, Long.class);
                params.forEach(counting::setParameter);
            }
            int found = counting.setMaxResults(MAX_COUNT + 1).getResultList().size();
            total = Math.min(found, MAX_COUNT);
            capped = found > MAX_COUNT;
        }
        return new Page(rows, total, capped);
    }

    private static Map<String, Object> searchFields(ReportCriteria c, int first) {
        Map<String, Object> fields = new LinkedHashMap<>(c.given());
        fields.put("first", (long) first);
        return fields;
    }

    private ReportRow row(Report r) {
        String unit = Handoff.lastOf(em, r.id()).map(Handoff::unitCode).orElse(null);
        return new ReportRow(
                r.id(),
                r.reference(),
                r.createdAt(),
                r.platform().name(),
                r.category() == null ? null : r.category().name(),
                r.status().name(),
                r.operator(),
                unit);
    }

    /**
     * The report's history: the engine's steps of every process the report ran and the application's
     * events about it (its chain, its chat's, and readers' events), by time. Reading it is an event.
     */
    public ReportHistory history(long reportId) {
        return history(reportId, null);
    }

    /**
     * The same, the personal fields of events opened under the report's or chat's data key (a read of
     * personal data, recorded), or, when retention destroyed the key, marked {@code erased} with {@code
     * erasedMessage} (the screens' French text, given by the caller).
     */
    public ReportHistory history(long reportId, String erasedMessage) {
        Report report = report(reportId);
        ReportHistory history =
                timeline(report, engineHistory.ofReport(report.processInstanceId(), reportId), erasedMessage);
        trail.record(Chain.user(me(), reportId), "report_history_read", Map.of("reportId", reportId));
        return history;
    }

    /**
     * The report's full history to download ({@code format} json or pdf): the report's summary, the
     * timeline and the verification of its chain now. The export is an event of the exporter's chain.
     */
    public HistoryExport export(long reportId, String format) {
        Report report = report(reportId);
        ReportHistory history = timeline(report, engineHistory.ofReport(report.processInstanceId(), reportId), null);
        Verification verification = chains.check(reportId);
        String me = me();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("reportId", reportId);
        fields.put("format", format);
        fields.put("holds", verification.holds());
        trail.record(Chain.user(me, reportId), "report_history_exported", fields);
        Instant now = UtcInstantConverter.fromDatabase(
                em.createNativeQuery("SELECT UTC_TIMESTAMP(6)").getSingleResult());
        return new HistoryExport(row(report), history, verification, now, me);
    }

    /**
     * The diagrams of every process instance the report ran (its lifecycle, then its deliveries): for each,
     * the BPMN XML of the exact definition it ran, each element it passed (when, how long) and the flows
     * taken. Reading them is an event of the reader's chain ({@code report_diagram_read}).
     *
     * @throws DomainException 404 {@code diagram_not_found} when the engine kept nothing to draw
     */
    public ReportDiagram diagram(long reportId) {
        Report report = report(reportId);
        ReportDiagram diagram = diagrams(report, engineHistory.ofReport(report.processInstanceId(), reportId));
        if (diagram.processes().isEmpty()) {
            throw DomainException.notFound("diagram_not_found", "Aucun processus pour ce signalement.");
        }
        trail.record(Chain.user(me(), reportId), "report_diagram_read", Map.of("reportId", reportId));
        return diagram;
    }

    /** What the history page shows: the timeline and the diagrams, read at once. */
    public record HistoryPage(ReportHistory history, ReportDiagram diagram) {}

    /**
     * The history page's whole content, the timeline and the diagrams of every process the report ran,
     * from one read of the engine's history; one view is one event of the reader's chain ({@code
     * report_history_read}), not one per part of the page.
     */
    public HistoryPage historyPage(long reportId, String erasedMessage) {
        Report report = report(reportId);
        EngineHistory.History engine = engineHistory.ofReport(report.processInstanceId(), reportId);
        ReportHistory history = timeline(report, engine, erasedMessage);
        ReportDiagram diagram = diagrams(report, engine);
        trail.record(Chain.user(me(), reportId), "report_history_read", Map.of("reportId", reportId));
        return new HistoryPage(history, diagram);
    }

    /** One diagram per run the engine kept whose definition it still has, the lifecycle first. */
    private ReportDiagram diagrams(Report report, EngineHistory.History engine) {
        String lifecycle = report.processInstanceId();
        List<ReportDiagram.Process> processes = new ArrayList<>();
        engine.runs().stream()
                .sorted(Comparator.comparing(
                                (EngineHistory.Run r) -> !r.processInstanceId().equals(lifecycle))
                        .thenComparing(EngineHistory.Run::start, Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(run -> workflow.bpmnXml(run.definitionId())
                        .ifPresent(xml -> processes.add(process(run, xml, engine.steps()))));
        return new ReportDiagram(report.id(), processes);
    }

    private ReportDiagram.Process process(EngineHistory.Run run, String xml, List<EngineHistory.Step> steps) {
        String instance = run.processInstanceId();
        List<ReportDiagram.Activity> activities = steps.stream()
                .filter(s -> instance.equals(s.processInstanceId()))
                .filter(s -> PASSED.contains(s.kind()) && s.elementId() != null)
                .sorted(Comparator.comparing(
                        EngineHistory.Step::start, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(s -> new ReportDiagram.Activity(
                        s.elementId(), s.kind(), s.name(), s.start(), s.end(), s.durationMs()))
                .toList();
        List<String> flows = PathTaken.flows(
                workflow.sequenceFlows(run.definitionId()).stream()
                        .map(f -> new PathTaken.Flow(f.id(), f.source(), f.target()))
                        .toList(),
                activities.stream()
                        .map(a -> new PathTaken.Passage(a.id(), a.startedAt(), a.endedAt()))
                        .toList());
        return new ReportDiagram.Process(
                instance,
                run.definitionId(),
                run.definitionKey(),
                run.definitionVersion(),
                run.start(),
                run.end(),
                xml,
                activities,
                flows);
    }

    private static final java.util.Set<String> PASSED = java.util.Set.of("activity", "timer", "user_task");

    private Report report(long reportId) {
        Report report = em.find(Report.class, reportId);
        if (report == null) {
            throw DomainException.notFound("report_not_found", "Signalement introuvable.");
        }
        return report;
    }

    private ReportHistory timeline(Report report, EngineHistory.History engine, String erasedMessage) {
        long reportId = report.id();
        List<ReportHistory.Item> items = new ArrayList<>();
        for (EngineHistory.Step s : engine.steps()) {
            items.add(new ReportHistory.Item(
                    ReportHistory.ENGINE,
                    s.kind(),
                    s.start(),
                    s.end(),
                    s.durationMs(),
                    s.who(),
                    null,
                    s.elementId(),
                    s.name(),
                    null,
                    null,
                    Jsonp.createObjectBuilder(s.details()).build()));
        }
        Map<Long, AuditEvent> events = new LinkedHashMap<>();
        em.createNamedQuery(AuditEvent.OF_REPORT, AuditEvent.class)
                .setParameter("report", reportId)
                .getResultStream()
                .forEach(e -> events.put(e.id(), e));
        if (report.chatId() != null) {
            em.createNamedQuery(AuditEvent.OF_CHAT, AuditEvent.class)
                    .setParameter("chat", report.chatId())
                    .getResultStream()
                    .forEach(e -> events.putIfAbsent(e.id(), e));
        }
        boolean[] opened = new boolean[2]; // personal data of the report, of its chat, read in clear
        for (AuditEvent e : events.values()) {
            items.add(new ReportHistory.Item(
                    ReportHistory.APPLICATION,
                    e.kind(),
                    e.at(),
                    null,
                    null,
                    e.actor(),
                    e.actorRole(),
                    e.chainKey(),
                    null,
                    e.id(),
                    e.seq(),
                    opened(e, parse(e.fields()), erasedMessage, opened)));
        }
        if (opened[0]) {
            seals.recordRead(reportId, null);
        }
        if (opened[1]) {
            seals.recordRead(null, report.chatId());
        }
        items.sort(Comparator.comparing(ReportHistory.Item::at, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(i -> i.end() == null ? Instant.MAX : i.end()));
        return new ReportHistory(reportId, report.reference(), engine.runs(), items);
    }

    /**
     * The event's fields with its sealed personal fields replaced by {@code {"state":"open","values":{…}}},
     * {@code {"state":"erased","message":…}} (key destroyed at retention) or {@code {"state":"unavailable"}}.
     */
    private JsonObject opened(AuditEvent e, JsonObject fields, String erasedMessage, boolean[] opened) {
        JsonValue personal = fields.get(AuditTrail.PERSONAL);
        if (!(personal instanceof JsonObject p) || !p.containsKey("sealed")) {
            return fields;
        }
        boolean ofReport = e.chainKey().startsWith("report:");
        Long ownerId = ofReport ? e.reportId() : e.chatId();
        JsonObjectBuilder replaced = Jsonp.createObjectBuilder();
        if (ownerId == null) {
            replaced.add("state", "unavailable");
        } else {
            PersonalFields.Opened open = personalFields.open(
                    ofReport ? DataKey.Owner.REPORT : DataKey.Owner.CHAT,
                    ownerId,
                    PersonalFields.place(e.chainKey(), e.seq()),
                    p.getString("sealed"));
            switch (open.state()) {
                case OPEN -> {
                    replaced.add("state", "open").add("values", parse(open.plain()));
                    opened[ofReport ? 0 : 1] = true;
                }
                case ERASED -> {
                    replaced.add("state", "erased");
                    if (erasedMessage != null) {
                        replaced.add("message", erasedMessage);
                    }
                }
                default -> replaced.add("state", "unavailable");
            }
        }
        return Jsonp.createObjectBuilder(fields)
                .add(AuditTrail.PERSONAL, replaced)
                .build();
    }

    private String me() {
        return session.getCallerPrincipal().getName();
    }

    private static JsonObject parse(String json) {
        try (var reader = Jsonp.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static <E extends Enum<E>> E value(Class<E> type, String value, String code) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(code, "Critère de recherche inconnu.");
        }
    }
}
