package fr.relais.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Fills a database that the application's own migrations created with {@code count} historical
 * reports over two years ending now, and what the supervision and audit calls read of them: one chat
 * per report with its read-model row ({@code chat_fact}), the handoff to a unit of the forwarded ones,
 * the report's audit events (chain {@code report:<id>}), alerts on breaches, and 120 generated units
 * over eight departments. Written by {@code LOAD DATA LOCAL INFILE} of tab-separated chunks (indexes
 * as the schema has them, maintained during the load).
 *
 * <p>Distributions: platform GENERALIST 80 %, VSS 20 %; categories weighted (drug trafficking 6 %); a
 * third of the reports at night (21:00–05:00 UTC, 22:00–06:00 in Paris in winter); take-in-charge
 * delays mostly under two minutes, 7 % over (breaches, each with an alert); 85 % of reports forwarded
 * to a unit (skewed: a few units receive most), acknowledged after a median of about two hours, 4 % past
 * the 24-hour target (an alert each), 5 % declined; the last three days still in progress across the
 * lifecycle's statuses; reports closed more than a year ago already erased (as retention leaves them),
 * so that the retention job finds nothing to do during a measurement.
 *
 * <p>The audit events have the chain's layout ({@code seq} 1, 2, 3…) but <b>not valid hashes</b>: the
 * chains' verification is not measured, and their heads are not written.
 */
final class HistoryGenerator {
    static final String[] DEPARTMENTS = {"75", "78", "91", "92", "93", "94", "13", "69"};
    static final String[] UNIT_KINDS = {
        "POLICE_STATION", "POLICE_STATION", "GENDARMERIE_BRIGADE", "GENDARMERIE_BRIGADE", "POLICE_STATION",
        "FAMILY_PROTECTION_UNIT", "DRUG_UNIT", "CYBER_UNIT", "GENDARMERIE_BRIGADE", "POLICE_STATION",
        "POLICE_STATION", "DEPARTMENTAL_POLICE", "GENDARMERIE_BRIGADE", "POLICE_STATION", "DEPARTMENTAL_GENDARMERIE"
    };
    static final int UNITS_PER_DEPARTMENT = UNIT_KINDS.length;
    static final String[] CATEGORIES = {
        "DOMESTIC_VIOLENCE",
        "SEXUAL_VIOLENCE",
        "SEXUAL_VIOLENCE_MINOR",
        "HARASSMENT",
        "THREATS",
        "ONLINE_SCAM",
        "CARD_FRAUD",
        "IDENTITY_THEFT",
        "BURGLARY",
        "THEFT",
        "VEHICLE_THEFT",
        "DAMAGE",
        "DRUG_TRAFFICKING",
        "WEAPONS",
        "RADICALISATION",
        "DISAPPEARANCE",
        "DISAPPEARANCE_MINOR",
        "ROAD_OFFENCE",
        "DISCRIMINATION",
        "ANIMAL_MISTREATMENT",
        "OTHER"
    };
    /** Weights of {@link #CATEGORIES}, in per mille. */
    static final int[] CATEGORY_WEIGHTS = {
        90, 60, 20, 80, 60, 120, 80, 40, 60, 110, 40, 50, 60, 10, 5, 10, 5, 30, 20, 10, 40
    };

    static final String[] VSS_CATEGORIES = {
        "DOMESTIC_VIOLENCE", "SEXUAL_VIOLENCE", "SEXUAL_VIOLENCE_MINOR", "HARASSMENT"
    };
    static final String[] RECENT_STATUSES = {
        "QUALIFYING", "AWAITING_VALIDATION", "IN_REVIEW", "FORWARDED", "ACKNOWLEDGED", "TAKEN_OVER", "CLOSED"
    };
    static final int GENERALIST_OPERATORS = 60;
    static final int VSS_OPERATORS = 20;
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    /** What was generated, and how long it took. */
    record Result(long reports, long chats, long handoffs, long events, long alerts, double seconds, long firstId) {}

    private final String url;
    private final String user;
    private final String password;
    private final Path scratch;

    HistoryGenerator(String url, String user, String password, Path scratch) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.scratch = scratch;
    }

    /** The unit codes the generator writes, for the measurement's parameters. */
    static List<String> unitCodes() {
        List<String> codes = new ArrayList<>();
        for (String d : DEPARTMENTS) {
            for (int u = 0; u < UNITS_PER_DEPARTMENT; u++) {
                codes.add(unitCode(d, u));
            }
        }
        return codes;
    }

    static String unitCode(String department, int u) {
        return String.format(Locale.ROOT, "BENCH-%s-%02d", department, u);
    }

    static String operator(boolean vss, int n) {
        return String.format(Locale.ROOT, vss ? "bench-vss-%02d" : "bench-op-%02d", n);
    }

    /**
     * The receipt reference of a generated report: a bijection of its id on 50 bits (odd multiplier
     * modulo 2^50), as ten Crockford base32 symbols, so unique without a lookup.
     */
    static String reference(long id) {
        long v = (id * 0x9E3779B97F4A7C15L) & ((1L << 50) - 1);
        char[] s = new char[10];
        for (int i = 9; i >= 0; i--) {
            s[i] = ALPHABET.charAt((int) (v & 31));
            v >>>= 5;
        }
        String t = new String(s);
        return t.substring(0, 4) + "-" + t.substring(4, 8) + "-" + t.substring(8);
    }

    Result generate(long count, int chunk, int eventsPerReport, Instant now) throws SQLException, IOException {
        long started = System.nanoTime();
        Files.createDirectories(scratch);
        long reports = 0, chats = 0, handoffs = 0, events = 0, alerts = 0;
        try (Connection c = connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("SET SESSION unique_checks = 0");
                s.execute("SET SESSION foreign_key_checks = 0");
            }
            units(c);
            long firstId = Math.max(maxId(c, "report"), maxId(c, "chat")) + 1000;
            Instant end = now.truncatedTo(ChronoUnit.SECONDS);
            Instant start = end.minus(730, ChronoUnit.DAYS);
            Instant retentionCutoff = end.minus(365, ChronoUnit.DAYS);
            List<String> codes = unitCodes();
            List<String> rebuild = count >= 500_000 ? dropSecondaryIndexes(c) : List.of();
            for (long from = 0; from < count; from += chunk) {
                long to = Math.min(count, from + chunk);
                Chunk k = new Chunk(scratch, from);
                for (long i = from; i < to; i++) {
                    write(k, firstId + i, i, count, start, end, retentionCutoff, codes, eventsPerReport);
                }
                k.close();
                long loading = System.nanoTime();
                chats += load(c, k.chat, "chat", Chunk.CHAT_COLUMNS);
                load(c, k.chatFact, "chat_fact", Chunk.CHAT_FACT_COLUMNS);
                reports += load(c, k.report, "report", Chunk.REPORT_COLUMNS);
                handoffs += load(c, k.handoff, "handoff", Chunk.HANDOFF_COLUMNS);
                events += load(c, k.event, "audit_event", Chunk.EVENT_COLUMNS);
                alerts += load(c, k.alert, "alert", Chunk.ALERT_COLUMNS);
                k.delete();
                Bench.log(String.format(
                        Locale.ROOT,
                        "generated %,d of %,d reports (%.0f s, this chunk's load %.1f s)",
                        to,
                        count,
                        (System.nanoTime() - started) / 1e9,
                        (System.nanoTime() - loading) / 1e9));
            }
            long filling = System.nanoTime();
            long facts = fillReportFacts(c, firstId);
            Bench.log(String.format(
                    Locale.ROOT, "report_fact: %,d rows in %.0f s", facts, (System.nanoTime() - filling) / 1e9));
            long indexing = System.nanoTime();
            try (Statement s = c.createStatement()) {
                for (String alter : rebuild) {
                    Bench.log(alter.substring(0, Math.min(alter.length(), 120)) + " ...");
                    s.execute(alter);
                }
            }
            if (!rebuild.isEmpty()) {
                Bench.log(
                        String.format(Locale.ROOT, "indexes rebuilt in %.0f s", (System.nanoTime() - indexing) / 1e9));
            }
            long rolling = System.nanoTime();
            long hours = fillReportHours(c);
            Bench.log(String.format(
                    Locale.ROOT, "report_hour: %,d rows in %.0f s", hours, (System.nanoTime() - rolling) / 1e9));
            long rollingHandoffs = System.nanoTime();
            long handoffDays = fillHandoffDays(c);
            Bench.log(String.format(
                    Locale.ROOT,
                    "handoff_day: %,d rows in %.0f s",
                    handoffDays,
                    (System.nanoTime() - rollingHandoffs) / 1e9));
            try (Statement s = c.createStatement()) {
                for (String table : List.of(
                        "handoff_day",
                        "chat",
                        "chat_fact",
                        "report",
                        "handoff",
                        "audit_event",
                        "alert",
                        "report_fact",
                        "report_hour")) {
                    s.execute("ANALYZE TABLE " + table);
                }
            }
            return new Result(reports, chats, handoffs, events, alerts, (System.nanoTime() - started) / 1e9, firstId);
        }
    }

    /**
     * For a large history: drops the secondary indexes of the tables it fills (but those backing a
     * foreign key) and returns the statements that create them again as the schema has them, once the
     * rows are in (a sorted build, much faster than keeping them up to date row by row).
     */
    private static List<String> dropSecondaryIndexes(Connection c) throws SQLException {
        List<String> rebuild = new ArrayList<>();
        for (String table : List.of("chat", "chat_fact", "report", "handoff", "audit_event", "report_fact")) {
            java.util.Map<String, List<String>> columns = new java.util.LinkedHashMap<>();
            java.util.Map<String, Boolean> unique = new java.util.HashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT s.index_name, s.column_name, s.non_unique"
                    + " FROM information_schema.statistics s WHERE s.table_schema = DATABASE() AND s.table_name = ?"
                    + " AND s.index_name <> 'PRIMARY' AND NOT EXISTS (SELECT 1 FROM information_schema.key_column_usage k"
                    + " WHERE k.table_schema = s.table_schema AND k.table_name = s.table_name"
                    + " AND k.referenced_table_name IS NOT NULL AND k.constraint_name = s.index_name)"
                    + " ORDER BY s.index_name, s.seq_in_index")) {
                p.setString(1, table);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        columns.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                                .add(r.getString(2));
                        unique.put(r.getString(1), r.getInt(3) == 0);
                    }
                }
            }
            // an index that backs a foreign key under another name stays too
            columns.keySet().removeIf(name -> backsForeignKey(c, table, name));
            if (columns.isEmpty()) {
                continue;
            }
            StringBuilder drop = new StringBuilder("ALTER TABLE " + table);
            StringBuilder add = new StringBuilder("ALTER TABLE " + table);
            String sep = " ";
            for (var index : columns.entrySet()) {
                drop.append(sep).append("DROP INDEX ").append(index.getKey());
                add.append(sep)
                        .append(unique.get(index.getKey()) ? "ADD UNIQUE INDEX " : "ADD INDEX ")
                        .append(index.getKey())
                        .append(" (")
                        .append(String.join(", ", index.getValue()))
                        .append(")");
                sep = ", ";
            }
            try (Statement s = c.createStatement()) {
                s.execute(drop.toString());
            }
            rebuild.add(add.toString());
        }
        return rebuild;
    }

    private static boolean backsForeignKey(Connection c, String table, String index) {
        // the foreign keys' own indexes in this schema: report (chat_id), handoff (report_id), (unit_code)
        return (table.equals("report") && index.equals("ix_report_chat"))
                || (table.equals("handoff")
                        && (index.equals("ix_handoff_report")
                                || index.equals("ix_handoff_unit_pending")
                                || index.equals("ix_handoff_unit_report")
                                || index.equals("ix_handoff_unit_taken")));
    }

    /**
     * The supervision's read model of the generated reports ({@code report_fact}, V44), by SQL once the rows
     * are in, as {@code ReportFacts} writes it at each stage: the stage is the report's status, since the
     * time it entered it (closed, the unit's decision, acknowledgement, forwarding, qualification or
     * creation), its target as {@code StageTargets} gives it (the acknowledgement's due time while
     * forwarded; the generated reports have no validation or forwarding due time), updated when it entered it.
     */
    static long fillReportFacts(Connection c, long firstId) throws SQLException {
        String since = "COALESCE(CASE r.status WHEN 'CLOSED' THEN r.closed_at WHEN 'TAKEN_OVER' THEN h.decided_at"
                + " WHEN 'ACKNOWLEDGED' THEN h.acknowledged_at WHEN 'FORWARDED' THEN h.forwarded_at"
                + " WHEN 'QUALIFYING' THEN r.created_at ELSE r.qualified_at END, r.created_at)";
        try (PreparedStatement p = c.prepareStatement("INSERT INTO report_fact (report_id, reference, platform, door,"
                + " category, priority, stage, stage_since, stage_due_at, created_at, created_hour, updated_at)"
                + " SELECT r.id, r.reference, r.platform, COALESCE(ch.door, 'FORM'), r.category, r.priority, r.status, "
                + since + ", CASE r.status WHEN 'AWAITING_VALIDATION' THEN r.validate_due_at"
                + " WHEN 'ANONYMISING' THEN r.forward_due_at WHEN 'IN_REVIEW' THEN r.forward_due_at"
                + " WHEN 'FORWARDING' THEN r.forward_due_at WHEN 'FORWARDED' THEN r.acknowledge_due_at END,"
                + " r.created_at, DATE_FORMAT(r.created_at, '%Y-%m-%d %H:00:00'), " + since
                + " FROM report r LEFT JOIN chat ch ON ch.id = r.chat_id"
                + " LEFT JOIN handoff h ON h.report_id = r.id WHERE r.id >= ?")) {
            p.setLong(1, firstId);
            return p.executeLargeUpdate();
        }
    }

    /**
     * The hourly aggregates ({@code report_hour}) counted again from every fact, as {@code TrendRollup} does
     * for the hours it rolls up; its watermark is left as it is (the hours of facts changed since are counted
     * live, and again at its next run, from the same facts).
     */
    static long fillReportHours(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM report_hour");
            return s.executeLargeUpdate("INSERT INTO report_hour (hour_start, platform, door, category, reports)"
                    + " SELECT created_hour, platform, door, COALESCE(category, ''), COUNT(*) FROM report_fact"
                    + " GROUP BY created_hour, platform, door, COALESCE(category, '')"
                    // the running server's TrendRollup may have rolled an hour up between the two statements
                    // (from the same facts): the count from the facts wins
                    + " ON DUPLICATE KEY UPDATE reports = VALUES(reports)");
        }
    }

    /**
     * The settled handoffs (decided) of the days before today rolled up into {@code handoff_day} and marked, as the
     * V53 migration and {@code HandoffRollup} do (the same statements; the server's roll-up takes whatever is left).
     */
    static long fillHandoffDays(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION group_concat_max_len = 67108864");
            s.executeLargeUpdate("UPDATE handoff SET rolled_up = 2 WHERE rolled_up = 0 AND decision IS NOT NULL"
                    + " AND forwarded_at < UTC_DATE()");
            long rows = s.executeLargeUpdate("INSERT INTO handoff_day (day, unit_code, platform, sent, acknowledged,"
                    + " taken_over, declined, breaches, delays) SELECT DATE(forwarded_at), unit_code,"
                    + " COALESCE(platform, ''), COUNT(*), COUNT(acknowledged_at),"
                    + " SUM(CASE WHEN decision = 'ACCEPTED' THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN decision = 'DECLINED' THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN acknowledge_due_at IS NOT NULL AND acknowledged_at > acknowledge_due_at"
                    + " THEN 1 ELSE 0 END),"
                    + " COALESCE(GROUP_CONCAT(TIMESTAMPDIFF(MICROSECOND, forwarded_at, acknowledged_at) DIV 1000), '')"
                    + " FROM handoff WHERE rolled_up = 2 GROUP BY DATE(forwarded_at), unit_code, COALESCE(platform, '')"
                    + " ON DUPLICATE KEY UPDATE sent = sent + VALUES(sent), acknowledged = acknowledged"
                    + " + VALUES(acknowledged), taken_over = taken_over + VALUES(taken_over), declined = declined"
                    + " + VALUES(declined), breaches = breaches + VALUES(breaches), delays = CASE WHEN VALUES(delays)"
                    + " = '' THEN delays WHEN delays = '' THEN VALUES(delays) ELSE CONCAT(delays, ',', VALUES(delays))"
                    + " END");
            s.executeLargeUpdate("UPDATE handoff SET rolled_up = 1 WHERE rolled_up = 2");
            return rows;
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(
                url + (url.contains("?") ? "&" : "?") + "allowLocalInfile=true", user, password);
    }

    private static long maxId(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void units(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT IGNORE INTO unit (code, name, kind, department, commune,"
                + " desk_24h, source) VALUES (?, ?, ?, ?, ?, ?, 'bench')")) {
            for (String d : DEPARTMENTS) {
                for (int u = 0; u < UNITS_PER_DEPARTMENT; u++) {
                    p.setString(1, unitCode(d, u));
                    p.setString(2, "Unité générée " + d + "-" + u);
                    p.setString(3, UNIT_KINDS[u]);
                    p.setString(4, d);
                    p.setString(5, "Commune " + d + "-" + u);
                    p.setBoolean(6, u < 2);
                    p.addBatch();
                }
            }
            p.executeBatch();
        }
    }

    private static long load(Connection c, Writer file, String table, String columns) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeLargeUpdate(
                    "LOAD DATA LOCAL INFILE '" + file.path.toAbsolutePath() + "' INTO TABLE " + table
                            + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
                            + columns + ")");
        }
    }

    /** One report of the history, its chat, read-model row, handoff, events and alerts. */
    private static void write(
            Chunk k,
            long id,
            long i,
            long count,
            Instant start,
            Instant end,
            Instant retentionCutoff,
            List<String> codes,
            int eventsPerReport)
            throws IOException {
        SplittableRandom r = new SplittableRandom(id * 0x9E3779B97F4A7C15L + 17);
        long spanSeconds = end.getEpochSecond() - start.getEpochSecond();
        long day = i * (spanSeconds / 86_400) / Math.max(1, count);
        long secondOfDay = r.nextInt(3) == 0
                ? (21 * 3600 + r.nextInt(8 * 3600)) % 86_400 // a third at night: 21:00–05:00 UTC
                : 5 * 3600 + r.nextInt(16 * 3600);
        Instant opened = start.plusSeconds(day * 86_400 + secondOfDay).plusMillis(r.nextInt(1000));
        if (!opened.isBefore(end)) {
            opened = end.minusSeconds(1 + r.nextInt(3600));
        }
        boolean vss = r.nextInt(100) < 20;
        String platform = vss ? "VSS" : "GENERALIST";
        String operator =
                vss ? operator(true, r.nextInt(VSS_OPERATORS)) : operator(false, r.nextInt(GENERALIST_OPERATORS));
        String category = vss ? VSS_CATEGORIES[r.nextInt(VSS_CATEGORIES.length)] : category(r.nextInt(1000));
        String door = r.nextInt(10) < 6 ? "REPORT" : "VICTIM";
        // take-in-charge delay: 93 % within two minutes, the rest up to fifteen minutes
        long delayMs = r.nextInt(100) < 93 ? 2_000 + r.nextInt(118_000) : 120_001 + r.nextInt(780_000);
        Instant taken = opened.plusMillis(delayMs);
        Instant created = taken.plusSeconds(60 + r.nextInt(900));
        Instant qualified = created.plusSeconds(120 + r.nextInt(1200));
        long ageHours = ChronoUnit.HOURS.between(opened, end);
        boolean recent = ageHours < 72;
        String status = recent ? RECENT_STATUSES[r.nextInt(RECENT_STATUSES.length)] : oldStatus(r.nextInt(100));
        boolean forwarded = !List.of("QUALIFYING", "AWAITING_VALIDATION", "IN_REVIEW")
                        .contains(status)
                && !(status.equals("CLOSED") && r.nextInt(100) < 15); // some close without a handoff (information)
        boolean urgent = r.nextInt(100) < 8;
        Instant forwardedAt = qualified.plusSeconds(300 + r.nextInt(3600));
        Instant dueAt = forwardedAt.plus(urgent ? 1 : 24, ChronoUnit.HOURS);
        Instant acknowledgedAt = null;
        String decision = null;
        Instant decidedAt = null;
        if (forwarded && !status.equals("FORWARDED")) {
            long ackSeconds = r.nextInt(100) < 4
                    ? 25 * 3600 + r.nextInt(48 * 3600) // past the target
                    : (long) (7200 * Math.exp(r.nextGaussian() * 0.8)) % (20 * 3600);
            if (urgent) {
                ackSeconds = ackSeconds / 24;
            }
            acknowledgedAt = forwardedAt.plusSeconds(60 + ackSeconds);
            if (status.equals("TAKEN_OVER") || status.equals("CLOSED")) {
                boolean declined = r.nextInt(100) < 5;
                decision = declined ? "DECLINED" : "ACCEPTED";
                decidedAt = acknowledgedAt.plusSeconds(600 + r.nextInt(86_400));
            }
        }
        if (acknowledgedAt != null && acknowledgedAt.isAfter(end)) {
            acknowledgedAt = null;
            decision = null;
            decidedAt = null;
        }
        if (decidedAt != null && decidedAt.isAfter(end)) {
            decidedAt = end.minusSeconds(1);
        }
        Instant closed = status.equals("CLOSED")
                ? (decidedAt != null ? decidedAt : qualified).plusSeconds(3600 + r.nextInt(30 * 86_400))
                : null;
        if (closed != null && closed.isAfter(end)) {
            closed = end.minusSeconds(1 + r.nextInt(60));
        }
        Instant erased = closed != null && closed.isBefore(retentionCutoff.minusSeconds(7200))
                ? closed.plus(365, ChronoUnit.DAYS).plusSeconds(3600)
                : null;
        // a unit: skewed, a fifth of the units receive most of the reports
        String unit = codes.get(r.nextInt(100) < 60 ? r.nextInt(codes.size() / 5) : r.nextInt(codes.size()));
        String chatClosed = t(created.plusSeconds(300 + r.nextInt(1800)));
        String takenBy = operator;

        k.chat.write(row(
                id,
                platform,
                door,
                category,
                "0",
                "CLOSED",
                "REPORT_MADE",
                operator,
                "1",
                hash64(id),
                null,
                t(opened),
                t(opened),
                t(taken),
                chatClosed,
                "0",
                String.valueOf(200 + r.nextInt(3000)),
                erased == null ? null : t(erased)));
        k.chatFact.write(row(
                id,
                platform,
                door,
                category,
                t(opened),
                t(taken),
                takenBy,
                String.valueOf(delayMs),
                chatClosed,
                "REPORT_MADE"));
        k.report.write(row(
                id,
                id,
                platform,
                operator,
                reference(id),
                status,
                category,
                postalCode(unit),
                urgent ? "1" : "0",
                t(created),
                t(qualified),
                urgent ? "HIGH" : "NORMAL",
                forwarded ? t(dueAt) : null,
                closed == null ? null : t(closed),
                erased == null ? null : t(erased),
                erased == null ? "Récit généré pour le banc d'essai." : null));
        int seq = 0;
        String prev = "0".repeat(64);
        String[] kinds = {"report_created", "qualified", "forwarded", "acknowledged", "taken_over", "closed"};
        Instant[] ats = {created, qualified, forwarded ? forwardedAt : null, acknowledgedAt, decidedAt, closed};
        for (int e = 0; e < kinds.length && seq < eventsPerReport; e++) {
            if (ats[e] == null) {
                continue;
            }
            seq++;
            String hash = hash64(id * 31 + seq);
            k.event.write(row(
                    "report:" + id,
                    seq,
                    t(ats[e]),
                    e < 2 ? operator : "system",
                    e < 2 ? "operator" : "system",
                    kinds[e],
                    id,
                    e == 0 ? String.valueOf(id) : null,
                    "{\"category\":\"" + category + "\",\"status\":\"" + status + "\"}",
                    "1",
                    prev,
                    hash));
            prev = hash;
        }
        if (forwarded) {
            k.handoff.write(row(
                    id,
                    unit,
                    t(forwardedAt),
                    "system",
                    decision,
                    decision == null ? null : "agent-" + unit,
                    decidedAt == null ? null : t(decidedAt),
                    "DECLINED".equals(decision) ? "Hors compétence." : null,
                    acknowledgedAt == null ? null : "agent-" + unit,
                    acknowledgedAt == null ? null : t(acknowledgedAt),
                    "BY_POSTAL_CODE",
                    t(created), // the report's first (and only) handoff to the unit: the search by unit reads it
                    platform, // copied from the report, as Forwarding writes it (V52)
                    t(dueAt))); // the report's acknowledgement target, as Qualifications.recordStage copies it
            if (acknowledgedAt != null && acknowledgedAt.isAfter(dueAt)) {
                k.alert.write(row(
                        "ACK_MISSED",
                        platform,
                        id,
                        null,
                        unit,
                        t(dueAt),
                        "Accusé de réception en retard",
                        "superviseur",
                        t(dueAt.plusSeconds(600 + r.nextInt(3600)))));
            }
        }
        if (delayMs > 120_000) {
            Instant breach = opened.plusSeconds(120);
            k.alert.write(row(
                    "TAKE_CHAT_BREACH",
                    platform,
                    null,
                    id,
                    null,
                    t(breach),
                    "Prise en charge au-delà de 2 minutes",
                    "superviseur",
                    t(breach.plusSeconds(60 + r.nextInt(600)))));
        }
    }

    private static String oldStatus(int p) {
        if (p < 70) {
            return "CLOSED";
        }
        if (p < 90) {
            return "TAKEN_OVER";
        }
        if (p < 97) {
            return "ACKNOWLEDGED";
        }
        return "FORWARDED";
    }

    private static String category(int perMille) {
        int sum = 0;
        for (int c = 0; c < CATEGORIES.length; c++) {
            sum += CATEGORY_WEIGHTS[c];
            if (perMille < sum) {
                return CATEGORIES[c];
            }
        }
        return "OTHER";
    }

    private static String postalCode(String unit) {
        String d = unit.substring(6, 8);
        return d + "0" + unit.substring(9, 11);
    }

    private static String hash64(long v) {
        return String.format(Locale.ROOT, "%016x", v * 0x9E3779B97F4A7C15L).repeat(4);
    }

    private static String t(Instant at) {
        return at == null ? null : SQL_TIME.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    /** One tab-separated line; null as \N. */
    private static String row(Object... values) {
        StringBuilder b = new StringBuilder(256);
        for (int v = 0; v < values.length; v++) {
            if (v > 0) {
                b.append('\t');
            }
            Object value = values[v];
            if (value == null) {
                b.append("\\N");
            } else {
                String s = value.toString();
                for (int c = 0; c < s.length(); c++) {
                    char ch = s.charAt(c);
                    switch (ch) {
                        case '\t' -> b.append("\\t");
                        case '\n' -> b.append("\\n");
                        case '\\' -> b.append("\\\\");
                        default -> b.append(ch);
                    }
                }
            }
        }
        return b.append('\n').toString();
    }

    /** The files of one chunk, one per table. */
    private static final class Chunk implements AutoCloseable {
        static final String CHAT_COLUMNS = "id, platform, door, topic, danger_now, status, outcome, operator,"
                + " reports_made, citizen_token_hash, process_instance_id, created_at, queued_at, taken_at,"
                + " closed_at, version, citizen_characters, erased_at";
        static final String CHAT_FACT_COLUMNS = "chat_id, platform, door, topic, opened_at, first_taken_at,"
                + " first_taken_by, take_delay_ms, closed_at, outcome";
        static final String REPORT_COLUMNS = "id, chat_id, platform, operator, reference, status, category,"
                + " postal_code, urgent, created_at, qualified_at, urgency, acknowledge_due_at, closed_at, erased_at,"
                + " narrative";
        static final String HANDOFF_COLUMNS = "report_id, unit_code, forwarded_at, forwarded_by, decision,"
                + " decided_by, decided_at, decline_reason, acknowledged_by, acknowledged_at, competence_rule,"
                + " search_created_at, platform, acknowledge_due_at";
        static final String EVENT_COLUMNS =
                "chain_key, seq, at, actor, actor_role, kind, report_id, chat_id," + " fields, form, prev_hash, hash";
        static final String ALERT_COLUMNS = "kind, platform, report_id, chat_id, unit_code, raised_at, detail,"
                + " acknowledged_by, acknowledged_at";

        final Writer chat, chatFact, report, handoff, event, alert;

        Chunk(Path dir, long from) throws IOException {
            chat = new Writer(dir.resolve("chat-" + from + ".tsv"));
            chatFact = new Writer(dir.resolve("chat_fact-" + from + ".tsv"));
            report = new Writer(dir.resolve("report-" + from + ".tsv"));
            handoff = new Writer(dir.resolve("handoff-" + from + ".tsv"));
            event = new Writer(dir.resolve("audit_event-" + from + ".tsv"));
            alert = new Writer(dir.resolve("alert-" + from + ".tsv"));
        }

        List<Writer> all() {
            return List.of(chat, chatFact, report, handoff, event, alert);
        }

        @Override
        public void close() throws IOException {
            for (Writer w : all()) {
                w.out.close();
            }
        }

        void delete() throws IOException {
            for (Writer w : all()) {
                Files.deleteIfExists(w.path);
            }
        }
    }

    private static final class Writer {
        final Path path;
        final BufferedWriter out;

        Writer(Path path) throws IOException {
            this.path = path;
            this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        }

        void write(String line) throws IOException {
            out.write(line);
        }
    }
}
