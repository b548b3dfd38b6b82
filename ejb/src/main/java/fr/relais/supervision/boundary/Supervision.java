package fr.relais.supervision.boundary;

import fr.relais.directory.boundary.Caller;
import fr.relais.directory.boundary.Directory;
import fr.relais.intake.entity.Chat;
import fr.relais.qualification.entity.Report;
import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import fr.relais.shared.Role;
import fr.relais.shared.UtcInstantConverter;
import fr.relais.supervision.control.HourlyVolumes;
import fr.relais.supervision.control.Percentiles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures supervisors open first: chats waiting and taken in charge within two minutes, and the
 * handoffs to units, per period. Read from the read model ({@code chat_fact}) and the handoffs, never
 * from the engine's history; percentiles are exact ({@link Percentiles}, nearest rank). A supervisor
 * sees their own platform; an administrator any.
 */
@Stateless
@RolesAllowed({Role.SUPERVISOR, Role.ADMIN})
public class Supervision {
    /** The take-in-charge target: two minutes. */
    public static final Duration TAKE_TARGET = Duration.ofMinutes(2);
    /**
     * The handoffs' default period: a week, what a supervisor reviews units over (a longer one is asked for;
     * at five million reports 30 days read 140,000 handoffs, see the README).
     */
    public static final Duration HANDOFF_PERIOD = Duration.ofDays(7);
    /** The longest period one call may cover. */
    public static final Duration MAX_PERIOD = Duration.ofDays(366);

    public record ChatFigures(
            Platform platform,
            Instant from,
            Instant to,
            int waiting,
            Long oldestWaitSeconds,
            int waitingOverTarget,
            int opened,
            int taken,
            int takenWithinTarget,
            Double shareTakenWithinTarget,
            Long delayMedianSeconds,
            Long delayP90Seconds,
            Long delayP99Seconds,
            int breaches,
            String percentileMethod)
            implements Serializable {}

    public record UnitFigures(
            String unitCode,
            String unitName,
            String kind,
            String department,
            int sent,
            int acknowledged,
            int takenOver,
            int declined,
            int backlog,
            Long acknowledgementMedianSeconds,
            Long acknowledgementP90Seconds,
            int breaches)
            implements Serializable {}

    @PersistenceContext
    EntityManager em;

    @EJB
    Directory directory;

    Clock clock = Clock.systemUTC();

    /**
     * The chats of a platform opened in [from, to) (default: the last 24 hours), and those waiting now.
     * A breach: taken later than two minutes after opening, or still waiting past two minutes.
     */
    public ChatFigures chats(Platform requested, Instant from, Instant to) {
        Platform platform = platformFor(directory.currentCaller(), requested);
        Instant now = clock.instant();
        Instant end = to == null ? now : to;
        Instant start = from == null ? end.minus(Duration.ofDays(1)) : from;
        checkPeriod(start, end);
        List<Instant> queuedAt = waiting(platform).stream().map(Chat::queuedAt).toList();
        return figures(platform, start, end, now, queuedAt);
    }

    /** What the live platform view shows, the waiting chats read once: danger now first, then oldest. */
    public record Live(Platform platform, Instant at, ChatFigures lastHour, ChatFigures lastDay, List<Chat> waiting) {}

    public Live live(Platform requested) {
        Platform platform = platformFor(directory.currentCaller(), requested);
        Instant now = clock.instant();
        List<Chat> waiting = waiting(platform);
        List<Instant> queuedAt = waiting.stream().map(Chat::queuedAt).toList();
        return new Live(
                platform,
                now,
                figures(platform, now.minus(Duration.ofHours(1)), now, now, queuedAt),
                figures(platform, now.minus(Duration.ofDays(1)), now, now, queuedAt),
                waiting);
    }

    private List<Chat> waiting(Platform platform) {
        return em.createNamedQuery(Chat.BY_PLATFORM_AND_STATUS, Chat.class)
                .setParameter("platform", platform)
                .setParameter("status", Chat.Status.WAITING)
                .getResultList();
    }

    private ChatFigures figures(Platform platform, Instant start, Instant end, Instant now, List<Instant> queuedAt) {
        Instant oldest = queuedAt.stream().min(Comparator.naturalOrder()).orElse(null);
        int waitingOverTarget = (int) queuedAt.stream()
                .filter(at -> Duration.between(at, now).compareTo(TAKE_TARGET) > 0)
                .count();

        // The period's delays counted per second by MariaDB from one index (ix_chat_fact_opened_delay, an
        // index-only range scan), a few hundred rows whatever the period: the percentiles are exact, nearest
        // rank over the delays in seconds (rounded as each delay would be), the counts to the millisecond.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT (f.take_delay_ms + 500) DIV 1000,"
                        + " COUNT(*),"
                        + " SUM(CASE WHEN f.take_delay_ms <= ?4 THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN f.take_delay_ms IS NULL AND f.opened_at < ?5 THEN 1 ELSE 0 END)"
                        + " FROM chat_fact f WHERE f.platform = ?1 AND f.opened_at >= ?2 AND f.opened_at < ?3"
                        + " GROUP BY (f.take_delay_ms + 500) DIV 1000 ORDER BY 1")
                .setParameter(1, platform.name())
                .setParameter(2, utc(start))
                .setParameter(3, utc(end))
                .setParameter(4, TAKE_TARGET.toMillis())
                .setParameter(5, utc(now.minus(TAKE_TARGET)))
                .getResultList();
        int opened = 0, taken = 0, within = 0, lateUntaken = 0;
        List<long[]> histogram = new ArrayList<>();
        for (Object[] r : rows) {
            int n = ((Number) r[1]).intValue();
            opened += n;
            lateUntaken += ((Number) r[3]).intValue();
            if (r[0] != null) {
                taken += n;
                within += ((Number) r[2]).intValue();
                histogram.add(new long[] {((Number) r[0]).longValue(), n});
            }
        }
        long[] seconds = histogram.stream().mapToLong(h -> h[0]).toArray();
        long[] counts = histogram.stream().mapToLong(h -> h[1]).toArray();
        return new ChatFigures(
                platform,
                start,
                end,
                queuedAt.size(),
                oldest == null ? null : Duration.between(oldest, now).toSeconds(),
                waitingOverTarget,
                opened,
                taken,
                within,
                taken == 0 ? null : (double) within / taken,
                Percentiles.ofCounts(seconds, counts, 50),
                Percentiles.ofCounts(seconds, counts, 90),
                Percentiles.ofCounts(seconds, counts, 99),
                taken - within + lateUntaken,
                Percentiles.METHOD);
    }

    /**
     * The handoffs forwarded in [from, to) (default: the last 7 days, {@link #HANDOFF_PERIOD}) per unit, for the caller's
     * platform (an administrator: every platform), optionally one department or unit kind. A breach:
     * acknowledged after the report's acknowledgement target, or not acknowledged and past it.
     */
    public List<UnitFigures> handoffs(String department, String kind, Instant from, Instant to) {
        Caller caller = directory.currentCaller();
        Platform platform = caller.has(Role.ADMIN) ? null : platformFor(caller, null);
        Instant now = clock.instant();
        Instant end = to == null ? now : to;
        Instant start = from == null ? end.minus(HANDOFF_PERIOD) : from;
        checkPeriod(start, end);
        if (department != null && !department.matches("\\d{2}|2[AB]|97[1-6]")) {
            throw DomainException.invalid("invalid_department", "Département invalide (ex. 78, 2A, 974).");
        }
        List<String> units = null;
        if (department != null || (kind != null && !kind.isBlank())) {
            units = unitsOf(department, kind);
            if (units.isEmpty()) {
                return List.of();
            }
        }
        // The period's whole UTC days come from the daily aggregates of the settled handoffs (handoff_day, V53,
        // HandoffRollup); the rest from the rows, one pass per unit by MariaDB: the handoffs of the partial first and
        // last days, and those of the whole days not rolled up yet (undecided, or decided since the last roll-up).
        // Each unit's row carries its counts and its acknowledgement delays in milliseconds; the exact nearest-rank
        // median and 90th percentile are picked here from every delay of the unit. At five million reports the
        // rows of a 30-day period (170,000 handoffs) took 0.2 s in MariaDB alone; JPA's handling of one row per
        // handoff more than that. Measured slower on MariaDB 10.11: window functions (ROW_NUMBER, PERCENTILE_DISC:
        // a pass over a temporary table each, 0.7–2.8 s).
        Instant wholeFrom =
                start.atOffset(ZoneOffset.UTC).toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
        if (wholeFrom.isBefore(start)) {
            wholeFrom = wholeFrom.plus(Duration.ofDays(1));
        }
        Instant wholeTo =
                end.atOffset(ZoneOffset.UTC).toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
        boolean wholeDays = wholeFrom.isBefore(wholeTo);
        Map<String, UnitCounts> byUnit = new LinkedHashMap<>();
        // the rows: the covering index named (with statistics gone stale after an ALTER TABLE on five million rows,
        // MariaDB was seen to pick ix_handoff_unit_pending for a department's units and read the rows: 0.2 → 2–4 s)
        String rowIndex = units == null ? "ix_handoff_forwarded" : "ix_handoff_unit_forwarded";
        List<Object> parameters = new ArrayList<>(List.of(utc(now)));
        String filters = filters(parameters, platform, units, "h.platform", "h.unit_code");
        StringBuilder parts = new StringBuilder();
        if (!wholeDays) {
            parameters.add(utc(start));
            parameters.add(utc(end));
            parts.append(HANDOFF_COLUMNS + " FROM handoff h FORCE INDEX (" + rowIndex + ") WHERE h.forwarded_at >= ?"
                    + (parameters.size() - 1) + " AND h.forwarded_at < ?" + parameters.size() + filters);
        } else {
            parameters.addAll(List.of(utc(start), utc(wholeFrom), utc(wholeTo), utc(end)));
            int p = parameters.size() - 3;
            parts.append(HANDOFF_COLUMNS + " FROM handoff h FORCE INDEX (" + rowIndex + ") WHERE ((h.forwarded_at >= ?"
                            + p + " AND h.forwarded_at < ?" + (p + 1) + ") OR (h.forwarded_at >= ?" + (p + 2)
                            + " AND h.forwarded_at < ?" + (p + 3) + "))" + filters)
                    .append(" UNION ALL " + HANDOFF_COLUMNS + " FROM handoff h FORCE INDEX (ix_handoff_unrolled)"
                            + " WHERE h.rolled_up = 0 AND h.forwarded_at >= ?" + (p + 1) + " AND h.forwarded_at < ?"
                            + (p + 2) + filters);
        }
        String perUnit = "SET STATEMENT group_concat_max_len = " + DELAYS_MAX_LENGTH + " FOR"
                + " SELECT h.unit_code, COUNT(*), COUNT(h.acknowledged_at),"
                + " SUM(CASE WHEN h.decision = 'ACCEPTED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN h.decision = 'DECLINED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN h.decision IS NULL OR h.decision NOT IN ('ACCEPTED', 'DECLINED') THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN h.acknowledge_due_at IS NOT NULL AND ((h.acknowledged_at IS NOT NULL"
                + " AND h.acknowledged_at > h.acknowledge_due_at) OR (h.acknowledged_at IS NULL AND h.decision IS NULL"
                + " AND h.acknowledge_due_at < ?1)) THEN 1 ELSE 0 END),"
                + " GROUP_CONCAT(TIMESTAMPDIFF(MICROSECOND, h.forwarded_at, h.acknowledged_at) DIV 1000 SEPARATOR ',')"
                + " FROM (" + parts + ") h GROUP BY h.unit_code";
        for (Object[] row : rows(perUnit, parameters)) {
            byUnit.computeIfAbsent((String) row[0], UnitCounts::new).add(row);
        }
        if (wholeDays) {
            List<Object> dayParameters = new ArrayList<>(List.of(
                    wholeFrom.atOffset(ZoneOffset.UTC).toLocalDate(),
                    wholeTo.atOffset(ZoneOffset.UTC).toLocalDate()));
            String dayFilters = filters(dayParameters, platform, units, "d.platform", "d.unit_code");
            String days = "SET STATEMENT group_concat_max_len = " + DELAYS_MAX_LENGTH + " FOR"
                    + " SELECT d.unit_code, SUM(d.sent), SUM(d.acknowledged), SUM(d.taken_over), SUM(d.declined), 0,"
                    + " SUM(d.breaches), GROUP_CONCAT(NULLIF(d.delays, '') SEPARATOR ',') FROM handoff_day d"
                    + " WHERE d.day >= ?1 AND d.day < ?2" + dayFilters + " GROUP BY d.unit_code";
            for (Object[] row : rows(days, dayParameters)) {
                byUnit.computeIfAbsent((String) row[0], UnitCounts::new).add(row);
            }
        }
        List<UnitFigures> figures = new ArrayList<>();
        if (!byUnit.isEmpty()) {
            StringBuilder codes = new StringBuilder("SELECT code, name, kind, department FROM unit WHERE code IN (");
            List<Object> codeParameters = new ArrayList<>(byUnit.keySet());
            for (int i = 0; i < codeParameters.size(); i++) {
                codes.append(i == 0 ? "?" : ", ?").append(i + 1);
            }
            for (Object[] unit : rows(codes.append(")").toString(), codeParameters)) {
                UnitCounts c = byUnit.get((String) unit[0]);
                long[] delays = c.sortedDelays();
                figures.add(new UnitFigures(
                        c.unitCode,
                        (String) unit[1],
                        (String) unit[2],
                        (String) unit[3],
                        c.sent,
                        c.acknowledged,
                        c.takenOver,
                        c.declined,
                        c.backlog,
                        nearestRank(delays, 50),
                        nearestRank(delays, 90),
                        c.breaches));
            }
        }
        figures.sort(Comparator.comparingInt(UnitFigures::breaches)
                .reversed()
                .thenComparing(Comparator.comparingInt(UnitFigures::backlog).reversed())
                .thenComparing(UnitFigures::unitCode));
        return figures;
    }

    /** The longest list of one unit's acknowledgement delays MariaDB may build for a call (bytes). */
    static final long DELAYS_MAX_LENGTH = 64L * 1024 * 1024;

    /**
     * Acknowledgement delays as MariaDB listed them (milliseconds, comma-separated, in any order; null when none),
     * checked against their count: a list cut short by {@code group_concat_max_len} is an error, never a silently
     * shorter list.
     */
    static long[] delays(Object list, int expected, String unitCode) {
        if (list == null || expected == 0) {
            return new long[0];
        }
        String text = list instanceof byte[] bytes
                ? new String(bytes, java.nio.charset.StandardCharsets.US_ASCII)
                : list.toString();
        String[] parts = text.split(",", -1);
        if (parts.length != expected) {
            throw new IllegalStateException("Acknowledgement delays of unit " + unitCode + ": " + parts.length
                    + " listed for " + expected + " acknowledged (group_concat_max_len?)");
        }
        long[] delays = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            delays[i] = Long.parseLong(parts[i]);
        }
        return delays;
    }

    /** One unit's figures added up from the rows and the daily aggregates. */
    static final class UnitCounts {
        final String unitCode;
        int sent, acknowledged, takenOver, declined, backlog, breaches;
        private final List<long[]> delays = new ArrayList<>();

        UnitCounts(String unitCode) {
            this.unitCode = unitCode;
        }

        /** A row of unit, sent, acknowledged, taken over, declined, backlog, breaches, delays. */
        void add(Object[] row) {
            int rowAcknowledged = ((Number) row[2]).intValue();
            sent += ((Number) row[1]).intValue();
            acknowledged += rowAcknowledged;
            takenOver += number(row[3]);
            declined += number(row[4]);
            backlog += number(row[5]);
            breaches += number(row[6]);
            delays.add(delays(row[7], rowAcknowledged, unitCode));
        }

        long[] sortedDelays() {
            long[] all = delays.stream().flatMapToLong(java.util.Arrays::stream).toArray();
            java.util.Arrays.sort(all);
            return all;
        }

        private static int number(Object value) {
            return value == null ? 0 : ((Number) value).intValue();
        }
    }

    private static final String HANDOFF_COLUMNS =
            "SELECT h.unit_code, h.forwarded_at, h.decision, h.acknowledged_at," + " h.acknowledge_due_at";

    /** The platform and units conditions, their values added to {@code parameters}. */
    private static String filters(
            List<Object> parameters, Platform platform, List<String> units, String platformColumn, String unitColumn) {
        StringBuilder where = new StringBuilder();
        if (platform != null) {
            parameters.add(platform.name());
            where.append(" AND ").append(platformColumn).append(" = ?").append(parameters.size());
        }
        if (units != null) {
            where.append(" AND ").append(unitColumn).append(" IN (");
            for (int i = 0; i < units.size(); i++) {
                parameters.add(units.get(i));
                where.append(i == 0 ? "?" : ", ?").append(parameters.size());
            }
            where.append(")");
        }
        return where.toString();
    }

    /** The codes of the units of a department and/or a kind. */
    private List<String> unitsOf(String department, String kind) {
        List<Object> unitParameters = new ArrayList<>();
        StringBuilder units = new StringBuilder("SELECT code FROM unit WHERE 1 = 1");
        if (department != null) {
            unitParameters.add(department);
            units.append(" AND department = ?").append(unitParameters.size());
        }
        if (kind != null && !kind.isBlank()) {
            unitParameters.add(kind.strip());
            units.append(" AND kind = ?").append(unitParameters.size());
        }
        var unitQuery = em.createNativeQuery(units.toString());
        for (int i = 0; i < unitParameters.size(); i++) {
            unitQuery.setParameter(i + 1, unitParameters.get(i));
        }
        return unitQuery.getResultList().stream().map(String.class::cast).toList();
    }

    /** The nearest-rank percentile of delays sorted ascending, in whole seconds; null when there are none. */
    static Long nearestRank(long[] sortedMillis, double p) {
        if (sortedMillis.length == 0) {
            return null;
        }
        return seconds(sortedMillis[(int) Math.max(Percentiles.rank(sortedMillis.length, p), 1) - 1]);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, List<Object> parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query.getResultList();
    }

    /** The stages of the lifecycle view, in the report's order, and the report statuses each covers. */
    public enum Stage {
        QUALIFYING(Report.Status.QUALIFYING),
        AWAITING_VALIDATION(Report.Status.AWAITING_VALIDATION),
        AWAITING_REVIEW(Report.Status.ANONYMISING, Report.Status.IN_REVIEW),
        FORWARDING(Report.Status.FORWARDING),
        AWAITING_ACKNOWLEDGEMENT(Report.Status.FORWARDED),
        REROUTING(Report.Status.REROUTING);

        private final List<Report.Status> statuses;

        Stage(Report.Status... statuses) {
            this.statuses = List.of(statuses);
        }

        public static Stage of(String status) {
            for (Stage stage : values()) {
                if (stage.statuses.stream().anyMatch(s -> s.name().equals(status))) {
                    return stage;
                }
            }
            return null;
        }

        static List<String> statuses() {
            return java.util.Arrays.stream(values())
                    .flatMap(s -> s.statuses.stream())
                    .map(Enum::name)
                    .toList();
        }
    }

    /** One report in its stage: since when, its stage's target, how late (a breach) or how long left. */
    public record StageReport(
            long reportId,
            String reference,
            Stage stage,
            String status,
            String category,
            String priority,
            String door,
            Instant since,
            long secondsInStage,
            Instant dueAt,
            Long secondsLeft,
            boolean breach)
            implements Serializable {}

    public record Lifecycle(
            Platform platform,
            Instant at,
            Map<String, Integer> counts,
            int breaches,
            int listed,
            List<StageReport> reports)
            implements Serializable {}

    /** The longest list the lifecycle view returns (the counts are always complete). */
    public static final int LIFECYCLE_LIST_LIMIT = 500;

    /**
     * The reports of a platform in each open stage of their lifecycle (from the read model {@code
     * report_fact}), breaches first (the latest first), then the nearest targets, then the longest in
     * their stage.
     */
    public Lifecycle lifecycle(Platform requested) {
        Platform platform = platformFor(directory.currentCaller(), requested);
        Instant now = clock.instant();
        // the counts per stage and the breaches in one pass over ix_report_fact_stage_due (index only)
        @SuppressWarnings("unchecked")
        List<Object[]> countRows = open(
                        "SELECT stage, COUNT(*), SUM(CASE WHEN stage_due_at < ?9 THEN 1 ELSE 0 END) FROM report_fact"
                                + " WHERE platform = ?1 AND stage IN (%s) GROUP BY stage",
                        platform)
                .setParameter(9, utc(now))
                .getResultList();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            counts.put(stage.name(), 0);
        }
        int breaches = 0;
        for (Object[] row : countRows) {
            counts.merge(Stage.of((String) row[0]).name(), ((Number) row[1]).intValue(), Integer::sum);
            breaches += row[2] == null ? 0 : ((Number) row[2]).intValue();
        }
        // the first LIFECYCLE_LIST_LIMIT of each stage in the list's order, each read in order from the index
        // ix_report_fact_stage_due (V47) — those with a target, then those without — and merged: never a sort of
        // every open report (a platform keeps tens of thousands waiting for an acknowledgement at scale)
        StringBuilder union = new StringBuilder();
        List<String> statuses = Stage.statuses();
        for (int i = 0; i < statuses.size(); i++) {
            for (boolean due : new boolean[] {true, false}) {
                union.append(union.isEmpty() ? "" : " UNION ALL ")
                        .append("(")
                        .append(STAGE_REPORT_COLUMNS)
                        .append(" WHERE platform = ?1 AND stage = ?")
                        .append(i + 2)
                        .append(
                                due
                                        ? " AND stage_due_at IS NOT NULL ORDER BY stage_due_at, stage_since, report_id"
                                        : " AND stage_due_at IS NULL ORDER BY stage_since, report_id")
                        .append(" LIMIT ")
                        .append(LIFECYCLE_LIST_LIMIT)
                        .append(")");
            }
        }
        var query = open(
                        "SELECT * FROM (" + union + ") s WHERE stage IN (%s)"
                                + " ORDER BY stage_due_at IS NULL, stage_due_at, stage_since, report_id",
                        platform)
                .setMaxResults(LIFECYCLE_LIST_LIMIT);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<StageReport> reports = rows.stream().map(r -> stageReport(r, now)).toList();
        return new Lifecycle(platform, now, counts, breaches, reports.size(), reports);
    }

    /** One report of the caller's platform (an administrator: any) where it stands; 404 otherwise. */
    public StageReport report(long reportId) {
        Caller caller = directory.currentCaller();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        STAGE_REPORT_COLUMNS.replace(" FROM", ", platform FROM") + " WHERE report_id = ?1")
                .setParameter(1, reportId)
                .getResultList();
        if (rows.isEmpty()
                || (!caller.has(Role.ADMIN)
                        && !String.valueOf(caller.platform()).equals(rows.get(0)[8]))) {
            throw DomainException.notFound("report_not_found", "Signalement introuvable.");
        }
        return stageReport(rows.get(0), clock.instant());
    }

    private static final String STAGE_REPORT_COLUMNS = "SELECT report_id, reference, stage, category, priority, door,"
            + " stage_since, stage_due_at FROM report_fact";

    private static StageReport stageReport(Object[] r, Instant now) {
        Instant since = UtcInstantConverter.fromDatabase(r[6]);
        Instant due = UtcInstantConverter.fromDatabase(r[7]);
        String status = (String) r[2];
        return new StageReport(
                ((Number) r[0]).longValue(),
                (String) r[1],
                Stage.of(status),
                status,
                (String) r[3],
                (String) r[4],
                (String) r[5],
                since,
                Duration.between(since, now).toSeconds(),
                due,
                due == null ? null : Duration.between(now, due).toSeconds(),
                due != null && now.isAfter(due));
    }

    /** The longest period of the hourly trends. */
    public static final Duration MAX_TREND_PERIOD = Duration.ofDays(93);

    public record Trends(
            Platform platform,
            Instant from,
            Instant to,
            String zone,
            String night,
            long reports,
            long nightReports,
            Map<String, Long> byCategory,
            List<HourlyVolumes.Hour> hours)
            implements Serializable {}

    /**
     * Reports made per hour in [from, to) (whole hours; default the last 24), from the hourly
     * aggregates for the hours rolled up and from the facts for the hours touched since the last roll-up
     * ({@link TrendRollup}). A supervisor: their platform; an administrator: one, or both when none.
     */
    public Trends trends(Platform requested, Instant from, Instant to) {
        Caller caller = directory.currentCaller();
        Platform platform = caller.has(Role.ADMIN) && requested == null ? null : platformFor(caller, requested);
        Instant now = clock.instant();
        Instant end = (to == null ? now.plus(Duration.ofHours(1)) : to).truncatedTo(ChronoUnit.HOURS);
        Instant start = (from == null ? end.minus(Duration.ofDays(1)) : from).truncatedTo(ChronoUnit.HOURS);
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_TREND_PERIOD) > 0) {
            throw DomainException.invalid(
                    "invalid_period", "Période invalide : « from » avant « to », 93 jours au plus.");
        }
        String byPlatform = platform == null ? "" : " AND platform = ?3";
        Instant watermark = UtcInstantConverter.fromDatabase(
                em.createNativeQuery("SELECT rolled_up_to FROM trend_rollup WHERE id = 1")
                        .getSingleResult());
        var touchedQuery = em.createNativeQuery("SELECT DISTINCT created_hour FROM report_fact"
                        + " WHERE updated_at >= ?4 AND created_hour >= ?1 AND created_hour < ?2")
                .setParameter(1, utc(start))
                .setParameter(2, utc(end))
                .setParameter(4, utc(watermark));
        java.util.Set<Instant> touched = new java.util.HashSet<>();
        for (Object hour : touchedQuery.getResultList()) {
            touched.add(UtcInstantConverter.fromDatabase(hour));
        }
        // The rolled-up hours summed by MariaDB: per hour, platform and door, drug trafficking, the unqualified
        // and the other categories together (HourlyVolumes.OTHER_CATEGORIES) — a tenth of the cells — then the
        // other categories' totals over the period; the hours touched since the roll-up are left out of both
        // (counted again from the facts below).
        StringBuilder notTouched = new StringBuilder();
        List<Instant> touchedList = new ArrayList<>(touched);
        for (int i = 0; i < touchedList.size(); i++) {
            notTouched.append(i == 0 ? " AND hour_start NOT IN (?" : ", ?").append(i + 10);
        }
        if (!touchedList.isEmpty()) {
            notTouched.append(")");
        }
        var aggregates = em.createNativeQuery("SELECT hour_start, platform, door, CASE WHEN category IN (?5, '')"
                        + " THEN category ELSE ?6 END AS kind, SUM(reports) FROM report_hour"
                        + " WHERE hour_start >= ?1 AND hour_start < ?2" + byPlatform + notTouched
                        + " GROUP BY hour_start, platform, door, kind")
                .setParameter(5, HourlyVolumes.DRUG_TRAFFICKING)
                .setParameter(6, HourlyVolumes.OTHER_CATEGORIES);
        var otherTotals = em.createNativeQuery("SELECT category, SUM(reports) FROM report_hour"
                        + " WHERE hour_start >= ?1 AND hour_start < ?2" + byPlatform + notTouched
                        + " AND category NOT IN (?5, '') GROUP BY category")
                .setParameter(5, HourlyVolumes.DRUG_TRAFFICKING);
        for (var query : List.of(aggregates, otherTotals)) {
            query.setParameter(1, utc(start)).setParameter(2, utc(end));
            if (platform != null) {
                query.setParameter(3, platform.name());
            }
            for (int i = 0; i < touchedList.size(); i++) {
                query.setParameter(i + 10, utc(touchedList.get(i)));
            }
        }
        List<HourlyVolumes.Cell> cells = new ArrayList<>();
        for (Object row : aggregates.getResultList()) {
            cells.add(cell((Object[]) row));
        }
        Map<String, Long> otherCategories = new java.util.HashMap<>();
        for (Object row : otherTotals.getResultList()) {
            Object[] r = (Object[]) row;
            otherCategories.put((String) r[0], ((Number) r[1]).longValue());
        }
        if (!touched.isEmpty()) {
            var live = em.createNativeQuery("SELECT created_hour, platform, door, COALESCE(category, ''), COUNT(*)"
                            + " FROM report_fact WHERE created_hour >= ?1 AND created_hour < ?2" + byPlatform
                            + " AND created_hour IN (SELECT created_hour FROM report_fact WHERE updated_at >= ?4"
                            + " AND created_hour >= ?1 AND created_hour < ?2)"
                            + " GROUP BY created_hour, platform, door, COALESCE(category, '')")
                    .setParameter(1, utc(start))
                    .setParameter(2, utc(end))
                    .setParameter(4, utc(watermark));
            if (platform != null) {
                live.setParameter(3, platform.name());
            }
            for (Object row : live.getResultList()) {
                cells.add(cell((Object[]) row));
            }
        }
        HourlyVolumes.Volumes volumes = HourlyVolumes.of(start, end, cells, otherCategories);
        return new Trends(
                platform,
                start,
                end,
                HourlyVolumes.ZONE.getId(),
                HourlyVolumes.NIGHT,
                volumes.reports(),
                volumes.nightReports(),
                volumes.byCategory(),
                volumes.hours());
    }

    private static HourlyVolumes.Cell cell(Object[] r) {
        return new HourlyVolumes.Cell(
                UtcInstantConverter.fromDatabase(r[0]),
                (String) r[1],
                (String) r[2],
                (String) r[3],
                ((Number) r[4]).longValue());
    }

    /** A query on the open stages ({@code %s}: their statuses, parameters 2 and up) of a platform (1). */
    private jakarta.persistence.Query open(String sql, Platform platform) {
        List<String> statuses = Stage.statuses();
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < statuses.size(); i++) {
            marks.append(i == 0 ? "" : ", ").append('?').append(i + 2);
        }
        var query = em.createNativeQuery(sql.replace("%s", marks)).setParameter(1, platform.name());
        for (int i = 0; i < statuses.size(); i++) {
            query.setParameter(i + 2, statuses.get(i));
        }
        return query;
    }

    /** A supervisor's own platform (another one is refused); an administrator names one. */
    static Platform platformFor(Caller caller, Platform requested) {
        if (caller.has(Role.ADMIN)) {
            if (requested == null) {
                throw DomainException.invalid("platform_required", "Précisez la plateforme : GENERALIST ou VSS.");
            }
            return requested;
        }
        if (caller.platform() == null || (requested != null && requested != caller.platform())) {
            throw DomainException.forbidden("Vous supervisez une autre plateforme.");
        }
        return caller.platform();
    }

    private static void checkPeriod(Instant start, Instant end) {
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            throw DomainException.invalid("invalid_period", "Période invalide : « from » avant « to », un an au plus.");
        }
    }

    private static Long seconds(Long millis) {
        return millis == null ? null : Math.round(millis / 1000.0);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
