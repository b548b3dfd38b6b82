package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import fr.relais.shared.Csv;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The supervision's lifecycle, handoffs and trends over HTTP against the shared server, from scripted
 * rows of the read model (and of reports and handoffs) with known times: exact stage counts (as deltas:
 * the platform is shared), exact handoff figures for a unit of our own over a period of 2019, exact
 * hourly counts over 25 October 2020 (Paris went back from UTC+2 to UTC+1: 25 hours, 02:00 twice) with
 * the night hours right; each call's CSV with a formula payload made inert; access.
 */
class SupervisionViewsSystemIT {
    static final RelaisServer server = TestEnvironment.server();
    static final Scenario scenario = new Scenario(server.baseUrl());
    static final String[] STAGES = {
        "QUALIFYING", "AWAITING_VALIDATION", "AWAITING_REVIEW", "FORWARDING", "AWAITING_ACKNOWLEDGEMENT", "REROUTING"
    };

    @Test
    void theLifecycleCountsEachStageAndListsBreachesFirst() throws Exception {
        JsonObject before =
                scenario.as("admin").get("/supervision/lifecycle?platform=VSS").json();
        long base = 9_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        Instant now = Instant.now();
        String formula = "=SUM(1+1)";
        try (Connection c = SecurityIT.database()) {
            try {
                fact(c, base, "VSS", "QUALIFYING", now.minusSeconds(600), null, null);
                fact(
                        c,
                        base + 1,
                        "VSS",
                        "AWAITING_VALIDATION",
                        now.minusSeconds(7200),
                        Instant.parse("2000-01-01T00:00:00Z"),
                        formula);
                fact(c, base + 2, "VSS", "IN_REVIEW", now.minusSeconds(60), now.plusSeconds(3600), null);
                fact(c, base + 3, "VSS", "ANONYMISING", now.minusSeconds(60), now.plusSeconds(3600), null);
                fact(c, base + 4, "VSS", "FORWARDED", now.minusSeconds(4000), now.minusSeconds(300), null);
                fact(c, base + 5, "VSS", "REROUTING", now.minusSeconds(100), null, null);
                fact(c, base + 6, "VSS", "CLOSED", now.minusSeconds(100), null, null);
                fact(c, base + 7, "VSS", "TAKEN_OVER", now.minusSeconds(100), null, null);
                fact(c, base + 8, "GENERALIST", "QUALIFYING", now.minusSeconds(100), null, null);

                var reply = scenario.as("admin").get("/supervision/lifecycle?platform=VSS");
                assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                JsonObject after = reply.json();
                int[] expected = {1, 1, 2, 0, 1, 1};
                for (int i = 0; i < STAGES.length; i++) {
                    assertThat(after.getJsonObject("counts").getInt(STAGES[i])
                                    - before.getJsonObject("counts").getInt(STAGES[i]))
                            .as(STAGES[i])
                            .isEqualTo(expected[i]);
                }
                assertThat(after.getInt("breaches") - before.getInt("breaches")).isEqualTo(2);
                var reports = after.getJsonArray("reports").getValuesAs(JsonObject.class);
                assertThat(reports.get(0).getJsonNumber("reportId").longValue())
                        .as("the latest breach first")
                        .isEqualTo(base + 1);
                assertThat(reports.get(0).getBoolean("breach")).isTrue();
                assertThat(reports.get(0).getString("stage")).isEqualTo("AWAITING_VALIDATION");
                boolean seenOnTime = false;
                for (JsonObject r : reports) {
                    if (!r.getBoolean("breach")) {
                        seenOnTime = true;
                    } else {
                        assertThat(seenOnTime)
                                .as("a breach after a report on time: " + r)
                                .isFalse();
                    }
                }
                JsonObject forwarded = reports.stream()
                        .filter(r -> r.getJsonNumber("reportId").longValue() == base + 4)
                        .findFirst()
                        .orElseThrow();
                assertThat(forwarded.getString("stage")).isEqualTo("AWAITING_ACKNOWLEDGEMENT");
                assertThat(forwarded.getJsonNumber("secondsInStage").longValue())
                        .isGreaterThanOrEqualTo(4000);
                assertThat(forwarded.getJsonNumber("secondsLeft").longValue()).isLessThanOrEqualTo(-300);
                assertThat(reports)
                        .noneMatch(r -> r.getJsonNumber("reportId").longValue() == base + 6
                                || r.getJsonNumber("reportId").longValue() == base + 8);

                // CSV: by ?format=csv and by Accept, the formula inert
                for (var csv : List.of(
                        scenario.as("admin").get("/supervision/lifecycle?platform=VSS&format=csv"),
                        scenario.as("admin").get("/supervision/lifecycle?platform=VSS", "Accept", "text/csv"))) {
                    assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
                    List<List<String>> rows = assertInert(csv.body());
                    assertThat(rows.get(0)).startsWith("reportId", "reference", "stage");
                    assertThat(csv.body()).contains("," + "'" + formula + ",");
                    assertThat(rows).anySatisfy(r -> {
                        assertThat(r.get(0)).isEqualTo(Long.toString(base + 1));
                        assertThat(r.get(1))
                                .as("read back without the protective quote")
                                .isEqualTo(formula);
                    });
                }
                // a supervisor of the other platform does not see them
                assertThat(scenario.as("superviseur")
                                .get("/supervision/lifecycle?platform=VSS")
                                .status())
                        .isEqualTo(403);
            } finally {
                try (PreparedStatement delete =
                        c.prepareStatement("delete from report_fact where report_id between ? and ?")) {
                    delete.setLong(1, base);
                    delete.setLong(2, base + 8);
                    delete.executeUpdate();
                }
            }
        }
    }

    @Test
    void aReportMadeInAChatReachesTheLifecycleAtEachStage() {
        long report = scenario.forwardedReport();
        var reply = scenario.as("superviseur").get("/supervision/lifecycle");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getJsonArray("reports").getValuesAs(JsonObject.class))
                .anySatisfy(r -> {
                    assertThat(r.getJsonNumber("reportId").longValue()).isEqualTo(report);
                    assertThat(r.getString("stage")).isEqualTo("AWAITING_ACKNOWLEDGEMENT");
                    assertThat(r.getString("category")).isEqualTo("HARASSMENT");
                    assertThat(r.getString("door")).isEqualTo("VICTIM");
                    assertThat(r.getBoolean("breach")).isFalse();
                    assertThat(r.getString("dueAt")).isNotBlank();
                });
    }

    @Test
    void eachUnitsHandoffsGiveExactFiguresAndAnInertCsv() throws Exception {
        String unit = "IT-SUPV-" + ThreadLocalRandom.current().nextInt(1_000_000);
        String name = "=HYPERLINK(\"http://example.org\",\"x\")";
        Instant from = Instant.parse("2019-06-03T10:00:00Z");
        Instant to = Instant.parse("2019-06-03T12:00:00Z");
        List<Long> reports = new ArrayList<>();
        try (Connection c = SecurityIT.database()) {
            try {
                try (PreparedStatement insert = c.prepareStatement(
                        "insert into unit (code, name, kind, department, commune) values (?, ?, 'DRUG_UNIT', '2A', 'Ajaccio')")) {
                    insert.setString(1, unit);
                    insert.setString(2, name);
                    insert.executeUpdate();
                }
                // forwarded at, acknowledged at (or never), decision, the acknowledgement target
                reports.add(handoff(c, unit, at("10:00"), at("10:10"), "ACCEPTED", at("11:00")));
                reports.add(handoff(c, unit, at("10:05"), at("10:25"), "DECLINED", at("11:05")));
                reports.add(handoff(c, unit, at("10:10"), at("11:40"), null, at("11:10"))); // late
                reports.add(handoff(c, unit, at("10:20"), null, null, at("11:20"))); // never answered, past
                reports.add(handoff(c, unit, at("09:59"), at("10:00"), "ACCEPTED", at("11:00"))); // before the period

                String query = "/supervision/handoffs?department=2A&from=" + from + "&to=" + to;
                var reply = scenario.as("admin").get(query);
                assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                JsonObject figures = reply.array().getValuesAs(JsonObject.class).stream()
                        .filter(u -> u.getString("unitCode").equals(unit))
                        .findFirst()
                        .orElseThrow();
                assertThat(figures.getInt("sent")).isEqualTo(4);
                assertThat(figures.getInt("acknowledged")).isEqualTo(3);
                assertThat(figures.getInt("takenOver")).isEqualTo(1);
                assertThat(figures.getInt("declined")).isEqualTo(1);
                assertThat(figures.getInt("backlog")).isEqualTo(2);
                assertThat(figures.getJsonNumber("acknowledgementMedianSeconds").longValue())
                        .isEqualTo(1200);
                assertThat(figures.getJsonNumber("acknowledgementP90Seconds").longValue())
                        .isEqualTo(5400);
                assertThat(figures.getInt("breaches")).isEqualTo(2);
                assertThat(figures.getString("kind")).isEqualTo("DRUG_UNIT");

                // the reports are the VSS platform's: the generalist supervisor does not see this unit
                assertThat(scenario.as("superviseur").get(query).array().getValuesAs(JsonObject.class))
                        .noneMatch(u -> u.getString("unitCode").equals(unit));

                var csv = scenario.as("admin").get(query + "&format=csv");
                assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
                List<List<String>> rows = assertInert(csv.body());
                assertThat(rows.get(0))
                        .containsExactly(
                                "unitCode",
                                "unitName",
                                "kind",
                                "department",
                                "sent",
                                "acknowledged",
                                "takenOver",
                                "declined",
                                "backlog",
                                "acknowledgementMedianSeconds",
                                "acknowledgementP90Seconds",
                                "breaches");
                assertThat(csv.body()).contains(",\"'=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\")\",");
                assertThat(rows)
                        .contains(List.of(unit, name, "DRUG_UNIT", "2A", "4", "3", "1", "1", "2", "1200", "5400", "2"));
            } finally {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("delete from handoff where unit_code = '" + unit + "'");
                    for (long id : reports) {
                        s.executeUpdate("delete from report where id = " + id);
                    }
                    s.executeUpdate("delete from unit where code = '" + unit + "'");
                }
            }
        }
    }

    @Test
    void hourlyTrendsAcrossTheDayClocksGoBackCountEachHourAndMarkTheNight() throws Exception {
        // 25 October 2020 in Paris: from 22:00 UTC the day before to 23:00 UTC, 25 hours
        Instant dayStart = Instant.parse("2020-10-24T22:00:00Z");
        Instant dayEnd = Instant.parse("2020-10-25T23:00:00Z");
        long base = 8_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        Instant old = Instant.parse("2000-01-01T00:00:00Z");
        try (Connection c = SecurityIT.database()) {
            try (PreparedStatement clear =
                            c.prepareStatement("delete from report_fact where created_at >= ? and created_at < ?");
                    PreparedStatement clearHours =
                            c.prepareStatement("delete from report_hour where hour_start >= ? and hour_start < ?")) {
                for (PreparedStatement p : List.of(clear, clearHours)) {
                    p.setTimestamp(1, utc(dayStart.minusSeconds(7200)));
                    p.setTimestamp(2, utc(dayEnd.plusSeconds(7200)));
                    p.executeUpdate();
                }
            }
            Instant now = Instant.now();
            // changed just now: counted live until the roll-up takes them
            created(c, base, "GENERALIST", "VICTIM", "DRUG_TRAFFICKING", "2020-10-25T00:30:00Z", now); // 02:30 CEST
            created(c, base + 1, "GENERALIST", "VICTIM", "DRUG_TRAFFICKING", "2020-10-25T00:45:00Z", now);
            created(c, base + 2, "VSS", "REPORT", "HARASSMENT", "2020-10-25T01:30:00Z", now); // 02:30 CET
            created(c, base + 3, "GENERALIST", "FORM", null, "2020-10-25T07:10:00Z", now); // 08:10: day
            created(c, base + 4, "VSS", "VICTIM", "THEFT", "2020-10-24T21:59:00Z", now); // the day before
            created(c, base + 5, "VSS", "VICTIM", "THEFT", "2020-10-25T23:00:00Z", now); // the day after
            // rolled up long ago: counted from the hourly aggregate
            for (int i = 0; i < 3; i++) {
                created(c, base + 10 + i, "VSS", "VICTIM", "THEFT", "2020-10-25T19:05:00Z", old); // 20:05: night
            }
            try (PreparedStatement aggregate = c.prepareStatement("insert into report_hour"
                    + " (hour_start, platform, door, category, reports) values (?, 'VSS', 'VICTIM', 'THEFT', 3)")) {
                aggregate.setTimestamp(1, utc(Instant.parse("2020-10-25T19:00:00Z")));
                aggregate.executeUpdate();
            }
        }

        var reply = scenario.as("admin").get("/supervision/trends?from=2020-10-25&to=2020-10-25");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonObject trends = reply.json();
        assertThat(trends.getString("from")).isEqualTo(dayStart.toString());
        assertThat(trends.getString("to")).isEqualTo(dayEnd.toString());
        var hours = trends.getJsonArray("hours").getValuesAs(JsonObject.class);
        assertThat(hours).hasSize(25);
        assertThat(trends.getInt("reports")).isEqualTo(7);
        assertThat(trends.getInt("nightReports")).isEqualTo(6);
        assertThat(hours.get(2).getString("local")).isEqualTo("2020-10-25T02:00:00+02:00");
        assertThat(hours.get(2).getInt("reports")).isEqualTo(2);
        assertThat(hours.get(2).getInt("drugTrafficking")).isEqualTo(2);
        assertThat(hours.get(2).getJsonObject("byDoor").getInt("VICTIM")).isEqualTo(2);
        assertThat(hours.get(3).getString("local")).isEqualTo("2020-10-25T02:00:00+01:00");
        assertThat(hours.get(3).getInt("reports")).isEqualTo(1);
        assertThat(hours.get(3).getInt("otherCategories")).isEqualTo(1);
        assertThat(hours.get(3).getJsonObject("byPlatform").getInt("VSS")).isEqualTo(1);
        assertThat(hours.get(9).getBoolean("night")).as("08:00 in Paris").isFalse();
        assertThat(hours.get(9).getInt("unqualified")).isEqualTo(1);
        assertThat(hours.get(9).getJsonObject("byDoor").getInt("FORM")).isEqualTo(1);
        assertThat(hours.get(8).getBoolean("night")).as("07:00 in Paris").isTrue();
        assertThat(hours.get(21).getBoolean("night")).as("20:00 in Paris").isTrue();
        assertThat(hours.get(21).getInt("reports")).isEqualTo(3);
        assertThat(hours.get(20).getBoolean("night")).as("19:00 in Paris").isFalse();
        assertThat(hours.stream().filter(h -> h.getBoolean("night"))).hasSize(13);
        assertThat(trends.getJsonObject("byCategory").getInt("DRUG_TRAFFICKING"))
                .isEqualTo(2);

        // a supervisor: their platform only
        var generalist = scenario.as("superviseur").get("/supervision/trends?from=2020-10-25&to=2020-10-25");
        assertThat(generalist.status()).as(generalist.toString()).isEqualTo(200);
        assertThat(generalist.json().getInt("reports")).isEqualTo(3);
        assertThat(scenario.as("superviseur")
                        .get("/supervision/trends?platform=VSS&from=2020-10-25&to=2020-10-25")
                        .status())
                .isEqualTo(403);

        var csv = scenario.as("admin").get("/supervision/trends?from=2020-10-25&to=2020-10-25&format=csv");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        List<List<String>> rows = assertInert(csv.body());
        assertThat(rows).hasSize(26);
        assertThat(rows.get(0))
                .startsWith("hour", "localHour", "night", "reports", "drugTrafficking")
                .contains("platform:GENERALIST", "platform:VSS", "door:FORM", "door:VICTIM");
        assertThat(rows.get(3)).startsWith("2020-10-25T00:00:00Z", "2020-10-25T02:00:00+02:00", "true", "2", "2");

        // the roll-up job (every minute) takes the hours touched just now into the aggregates
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        int rolledUp;
        do {
            Thread.sleep(2000);
            rolledUp = aggregated(Instant.parse("2020-10-25T00:00:00Z"), "GENERALIST");
        } while (rolledUp == 0 && System.nanoTime() < deadline);
        assertThat(rolledUp).as("reports of 00:00 UTC in report_hour").isEqualTo(2);
        assertThat(scenario.as("admin")
                        .get("/supervision/trends?from=2020-10-25&to=2020-10-25")
                        .json()
                        .getInt("reports"))
                .as("the same figures from the aggregates")
                .isEqualTo(7);
    }

    @Test
    void onlySupervisorsOfThePlatformAndAdminsReadTheViews() {
        for (String other : new String[] {"operateur", "agent-guyancourt", "auditeur", "psychologue"}) {
            for (String call :
                    List.of("/supervision/lifecycle", "/supervision/trends", "/supervision/handoffs?format=csv")) {
                assertThat(scenario.as(other).get(call).status())
                        .as(other + " " + call)
                        .isEqualTo(403);
            }
        }
        assertThat(scenario.as("superviseur").get("/supervision/lifecycle").status())
                .isEqualTo(200);
        assertThat(scenario.as("admin").get("/supervision/trends").status()).isEqualTo(200);
        SupervisionSystemIT.assertRefused(scenario.as("admin").get("/supervision/lifecycle"), 400, "platform_required");
        SupervisionSystemIT.assertRefused(
                scenario.as("superviseur").get("/supervision/trends?from=2020-01-01&to=2020-12-31"),
                400,
                "invalid_period");
        SupervisionSystemIT.assertRefused(
                scenario.as("superviseur").get("/supervision/chats?format=xml"), 400, "invalid_format");
        var chatsCsv = scenario.as("superviseur").get("/supervision/chats?format=csv");
        assertThat(chatsCsv.status()).isEqualTo(200);
        assertThat(assertInert(chatsCsv.body()).get(1).get(0)).isEqualTo("GENERALIST");
        assertThat(scenario.anonymous().get("/supervision/trends").status()).isEqualTo(401);
    }

    /** Every line of a CSV file: no cell a spreadsheet would take for a formula. */
    static List<List<String>> assertInert(String body) {
        assertThat(body).endsWith("\r\n");
        List<List<String>> rows = new ArrayList<>();
        for (String line : body.split("\r\n")) {
            // read the raw cells (without taking the protective quote off)
            for (String cell : rawCells(line)) {
                assertThat(cell)
                        .as("a cell of " + line)
                        .doesNotStartWith("=")
                        .doesNotStartWith("+")
                        .doesNotStartWith("@");
                assertThat(cell.startsWith("-") && !cell.matches("-\\d+"))
                        .as("a cell of " + line)
                        .isFalse();
            }
            rows.add(Csv.parse(line, ','));
        }
        return rows;
    }

    private static List<String> rawCells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    static Instant at(String time) {
        return Instant.parse("2019-06-03T" + time + ":00Z");
    }

    static long handoff(
            Connection c, String unit, Instant forwarded, Instant acknowledged, String decision, Instant due)
            throws Exception {
        return HandoffRows.handoff(c, unit, forwarded, acknowledged, decision, due);
    }

    static void fact(Connection c, long id, String platform, String stage, Instant since, Instant due, String reference)
            throws Exception {
        try (PreparedStatement insert = c.prepareStatement("insert into report_fact (report_id, reference, platform,"
                + " door, category, priority, stage, stage_since, stage_due_at, created_at, created_hour, updated_at)"
                + " values (?, ?, ?, 'VICTIM', 'THREATS', 'P2', ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, reference);
            insert.setString(3, platform);
            insert.setString(4, stage);
            insert.setTimestamp(5, utc(since));
            insert.setTimestamp(6, due == null ? null : utc(due));
            // made in 1999: out of every trend period the other tests read
            Instant created = Instant.parse("1999-01-01T00:00:00Z");
            insert.setTimestamp(7, utc(created));
            insert.setTimestamp(8, utc(created));
            insert.setTimestamp(9, utc(Instant.parse("1999-01-01T00:00:00Z")));
            insert.executeUpdate();
        }
    }

    static void created(
            Connection c, long id, String platform, String door, String category, String at, Instant updated)
            throws Exception {
        Instant created = Instant.parse(at);
        try (PreparedStatement insert = c.prepareStatement(
                "insert into report_fact (report_id, platform, door, category,"
                        + " stage, stage_since, created_at, created_hour, updated_at) values (?, ?, ?, ?, 'CLOSED', ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, platform);
            insert.setString(3, door);
            insert.setString(4, category);
            insert.setTimestamp(5, utc(created));
            insert.setTimestamp(6, utc(created));
            insert.setTimestamp(7, utc(created.truncatedTo(java.time.temporal.ChronoUnit.HOURS)));
            insert.setTimestamp(8, utc(updated));
            insert.executeUpdate();
        }
    }

    static int aggregated(Instant hour, String platform) throws Exception {
        try (Connection c = SecurityIT.database();
                PreparedStatement query = c.prepareStatement(
                        "select coalesce(sum(reports), 0) from report_hour where hour_start = ? and platform = ?")) {
            query.setTimestamp(1, utc(hour));
            query.setString(2, platform);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }
}
