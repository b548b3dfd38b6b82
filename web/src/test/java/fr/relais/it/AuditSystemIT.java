package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.Database;
import fr.relais.launcher.RelaisServer;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The audit trail on the shared server, over HTTP, with direct JDBC to tamper behind the application's
 * back: a report's merged timeline (validation loop, decline, reroute), the verification of its chain
 * (holds; broken by an edited row; broken by a deleted row), and access (auditors and admins read,
 * auditors write nothing). Tampering and verification are on reports made by each test only: other
 * tests share the server and its chains.
 */
class AuditSystemIT {
    static final RelaisServer server = TestEnvironment.server();
    static final Scenario scenario = new Scenario(server.baseUrl());

    static Api as(String user) {
        return scenario.as(user);
    }

    @Test
    void aReportsHistoryMergesTheEngineStepsAndTheApplicationEventsInOrderWithWho() {
        long id = newReport();
        assertThat(qualify(id, "RADICALISATION", "NORMAL").status()).isEqualTo(200);
        scenario.awaitStatus(id, "AWAITING_VALIDATION");
        assertThat(as("superviseur")
                        .post(
                                "/reports/" + id + "/validation",
                                "{\"decision\":\"SENT_BACK\",\"comment\":\"Préciser.\"}")
                        .status())
                .isEqualTo(200);
        scenario.awaitStatus(id, "QUALIFYING");
        assertThat(qualify(id, "RADICALISATION", "HIGH").status()).isEqualTo(200);
        scenario.awaitStatus(id, "AWAITING_VALIDATION");
        assertThat(as("superviseur")
                        .post("/reports/" + id + "/validation", "{\"decision\":\"APPROVED\"}")
                        .status())
                .isEqualTo(200);
        scenario.awaitStatus(id, "IN_REVIEW");
        assertThat(as("operateur").post("/reports/" + id + "/review", "{}").status())
                .isEqualTo(200);
        scenario.awaitStatus(id, "FORWARDED");
        var declined = as("agent-guyancourt")
                .post("/reports/" + id + "/decline", "{\"reason\":\"Faits commis à Versailles.\"}");
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        scenario.awaitStatus(id, "REROUTING");
        assertThat(as("superviseur")
                        .post("/reports/" + id + "/reroute", "{\"unitCode\":\"CSP-VERSAILLES\"}")
                        .status())
                .isEqualTo(200);
        scenario.awaitStatus(id, "FORWARDED");

        var reply = as("auditeur").get("/reports/" + id + "/history");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonObject history = reply.json();
        assertThat(history.getJsonNumber("reportId").longValue()).isEqualTo(id);
        assertThat(history.getJsonArray("processes").getValuesAs(JsonObject.class))
                .anySatisfy(p -> {
                    assertThat(p.getString("definitionKey")).isEqualTo("ReportLifecycle");
                    assertThat(p.getInt("definitionVersion")).isPositive();
                    assertThat(p.getString("definitionId")).startsWith("ReportLifecycle:");
                });
        List<JsonObject> timeline = history.getJsonArray("timeline").getValuesAs(JsonObject.class);
        List<Instant> times = timeline.stream()
                .filter(i -> i.containsKey("at") && !i.isNull("at"))
                .map(i -> Instant.parse(i.getString("at")))
                .toList();
        assertThat(times).as("sorted by time").isSorted();

        List<String> appKinds = timeline.stream()
                .filter(i -> "application".equals(i.getString("source"))
                        && i.getString("element").startsWith("report:"))
                .map(i -> i.getString("kind"))
                .toList();
        assertThat(appKinds)
                .containsSubsequence(
                        "report_created",
                        "report_qualified",
                        "decisions_applied",
                        "validation_decided",
                        "report_qualified",
                        "validation_decided",
                        "narrative_reviewed",
                        "forwarded",
                        "declined",
                        "rerouted");
        assertThat(app(timeline, "validation_decided"))
                .extracting(i -> i.getJsonObject("details").getString("decision"))
                .containsExactly("SENT_BACK", "APPROVED");
        assertThat(app(timeline, "validation_decided")).allSatisfy(i -> {
            assertThat(i.getString("who")).isEqualTo("superviseur");
            assertThat(i.getString("role")).isEqualTo("SUPERVISOR");
        });
        JsonObject requalified = app(timeline, "report_qualified").get(1);
        JsonObject urgency =
                requalified.getJsonObject("details").getJsonObject("changed").getJsonObject("urgency");
        assertThat(urgency.getString("before"))
                .as("before and after of a non-personal field")
                .isEqualTo("NORMAL");
        assertThat(urgency.getString("after")).isEqualTo("HIGH");
        // personal data lives only in the event's sealed part, opened for the auditor (stored encrypted:
        // RetentionScanSystemIT scans the rows)
        JsonObject qualified = app(timeline, "report_qualified").get(0).getJsonObject("details");
        assertThat(qualified.getJsonObject("changed").containsKey("narrative"))
                .as("no personal field among the clear changes")
                .isFalse();
        assertThat(qualified.getJsonObject("personal").getString("state")).isEqualTo("open");
        assertThat(qualified.getJsonObject("personal").toString()).contains("Des faits signalés");
        JsonObject decline = app(timeline, "declined").get(0);
        assertThat(decline.getString("who")).isEqualTo("agent-guyancourt");
        assertThat(decline.getJsonObject("details").getString("reason")).isEqualTo("Faits commis à Versailles.");
        assertThat(app(timeline, "rerouted").get(0).getString("who")).isEqualTo("superviseur");
        assertThat(app(timeline, "forwarded").get(0).getString("who"))
                .as("forwarded by the engine's job")
                .isEqualTo("system");

        List<JsonObject> tasks = timeline.stream()
                .filter(i -> "engine".equals(i.getString("source")) && "user_task".equals(i.getString("kind")))
                .toList();
        assertThat(tasks)
                .filteredOn(t -> "Task_ValidateQualification".equals(t.getString("element")))
                .hasSize(2)
                .allSatisfy(t -> {
                    assertThat(t.getString("who")).isEqualTo("superviseur");
                    assertThat(t.getJsonNumber("durationMs").longValue()).isNotNegative();
                });
        assertThat(tasks)
                .filteredOn(t -> "Task_Qualify".equals(t.getString("element")))
                .hasSize(2)
                .allSatisfy(t -> assertThat(t.getString("who")).isEqualTo("operateur"));
        assertThat(tasks)
                .filteredOn(t -> "Task_RerouteReport".equals(t.getString("element")))
                .singleElement()
                .satisfies(t -> assertThat(t.getString("who")).isEqualTo("superviseur"));
        assertThat(timeline)
                .as("the engine's other steps too")
                .anyMatch(i -> "engine".equals(i.getString("source")) && "activity".equals(i.getString("kind")));
        int sentBack = indexOf(timeline, "application", "validation_decided");
        int rerouted = indexOf(timeline, "application", "rerouted");
        assertThat(sentBack).isLessThan(rerouted);

        var again = as("admin").get("/reports/" + id + "/history");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().getJsonArray("timeline").getValuesAs(JsonObject.class))
                .as("the auditor's read is itself an event")
                .anySatisfy(i -> {
                    assertThat(i.getString("kind")).isEqualTo("report_history_read");
                    assertThat(i.getString("who")).isEqualTo("auditeur");
                    assertThat(i.getString("element")).isEqualTo("user:auditeur");
                });

        JsonObject verified = verify("auditeur", id);
        assertThat(verified.getBoolean("holds")).as(verified.toString()).isTrue();
        assertThat(verified.getInt("chains")).isEqualTo(1);
        assertThat(verified.getJsonNumber("events").longValue()).isGreaterThanOrEqualTo(appKinds.size());
    }

    @Test
    void anEventEditedBehindTheApplicationsBackIsReportedAtThatEvent() throws SQLException {
        long id = scenario.forwardedReport();
        assertThat(verify("admin", id).getBoolean("holds")).isTrue();
        long[] event = event(id, 2);
        try (Connection c = connection();
                var s = c.prepareStatement("UPDATE audit_event SET actor = 'intrus' WHERE id = ?")) {
            s.setLong(1, event[0]);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        JsonObject broken = verify("auditeur", id);
        assertThat(broken.getBoolean("holds")).as(broken.toString()).isFalse();
        JsonObject first = broken.getJsonObject("firstBroken");
        assertThat(first.getString("chain")).isEqualTo("report:" + id);
        assertThat(first.getJsonNumber("seq").longValue()).isEqualTo(2);
        assertThat(first.getJsonNumber("eventId").longValue()).isEqualTo(event[0]);
        assertThat(first.getString("reason")).isEqualTo("edited");
    }

    @Test
    void aDeletedEventIsReportedMissing() throws SQLException {
        long id = scenario.forwardedReport();
        assertThat(verify("auditeur", id).getBoolean("holds")).isTrue();
        long[] event = event(id, 2);
        try (Connection c = connection();
                var s = c.prepareStatement("DELETE FROM audit_event WHERE id = ?")) {
            s.setLong(1, event[0]);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        JsonObject broken = verify("admin", id);
        assertThat(broken.getBoolean("holds")).as(broken.toString()).isFalse();
        JsonObject first = broken.getJsonObject("firstBroken");
        assertThat(first.getString("chain")).isEqualTo("report:" + id);
        assertThat(first.getJsonNumber("seq").longValue()).isEqualTo(2);
        assertThat(first.getString("reason")).isEqualTo("missing");
    }

    @Test
    void theLastEventDeletedOrAHeadRewrittenIsReported() throws SQLException {
        long tail = scenario.forwardedReport();
        long last;
        try (Connection c = connection();
                var s = c.prepareStatement("SELECT seq FROM audit_chain_head WHERE chain_key = ?")) {
            s.setString(1, "report:" + tail);
            try (var r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                last = r.getLong(1);
            }
        }
        long[] event = event(tail, last);
        try (Connection c = connection();
                var s = c.prepareStatement("DELETE FROM audit_event WHERE id = ?")) {
            s.setLong(1, event[0]);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        JsonObject cut = verify("auditeur", tail).getJsonObject("firstBroken");
        assertThat(cut.getJsonNumber("seq").longValue()).isEqualTo(last);
        assertThat(cut.getString("reason")).isEqualTo("missing");

        long head = scenario.forwardedReport();
        assertThat(verify("auditeur", head).getBoolean("holds")).isTrue();
        try (Connection c = connection();
                var s = c.prepareStatement("UPDATE audit_chain_head SET hash = ? WHERE chain_key = ?")) {
            s.setString(1, "f".repeat(64));
            s.setString(2, "report:" + head);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        JsonObject rewritten = verify("admin", head);
        assertThat(rewritten.getBoolean("holds")).isFalse();
        assertThat(rewritten.getJsonObject("firstBroken").getString("reason")).isEqualTo("head_mismatch");
    }

    @Test
    void onlyAuditorsAndAdminsReadHistoriesAndVerify() {
        long id = scenario.forwardedReport();
        for (String user : List.of("operateur", "superviseur", "agent-guyancourt", "psychologue")) {
            assertThat(as(user).get("/reports/" + id + "/history").status())
                    .as(user)
                    .isEqualTo(403);
            assertThat(as(user).post("/audit/verification", "{\"reportId\":" + id + "}")
                            .status())
                    .as(user)
                    .isEqualTo(403);
            assertThat(as(user).get("/audit/reports?size=5").status()).as(user).isEqualTo(403);
        }
        assertThat(scenario.anonymous().get("/reports/" + id + "/history").status())
                .isEqualTo(401);
        assertThat(as("auditeur").get("/reports/999999999/history").status()).isEqualTo(404);
        assertThat(as("auditeur")
                        .post("/audit/verification", "{\"reportId\":999999999}")
                        .status())
                .isEqualTo(404);
        assertThat(as("auditeur").post("/audit/anchors", null).status())
                .as("anchoring is the admins'")
                .isEqualTo(403);

        String reference = as("operateur").get("/reports/" + id).json().getString("reference");
        var found = as("auditeur").get("/audit/reports?reference=" + reference);
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().getJsonNumber("total").longValue()).isEqualTo(1);
        assertThat(found.json()
                        .getJsonArray("rows")
                        .getJsonObject(0)
                        .getJsonNumber("id")
                        .longValue())
                .isEqualTo(id);
        assertThat(found.json().getJsonArray("rows").getJsonObject(0).getString("unitCode"))
                .isEqualTo("CSP-GUYANCOURT");
        var byUnit = as("auditeur").get("/audit/reports?unit=CSP-GUYANCOURT&status=FORWARDED&size=100");
        assertThat(byUnit.status()).isEqualTo(200);
        assertThat(byUnit.json().getJsonArray("rows").getValuesAs(JsonObject.class))
                .allSatisfy(r -> assertThat(r.getString("status")).isEqualTo("FORWARDED"));
        assertThat(as("auditeur").get("/audit/reports?status=NOPE").status()).isEqualTo(400);
        assertThat(as("auditeur").get("/audit/reports?from=2026-13-01").status())
                .isEqualTo(400);
        assertThat(as("auditeur").get("/audit/reports?size=1000").status()).isEqualTo(400);
        assertThat(as("auditeur")
                        .get("/audit/reports?reference=%3Cscript%3E")
                        .json()
                        .getJsonNumber("total")
                        .longValue())
                .isZero();

        var anchored = as("admin").post("/audit/anchors", null);
        assertThat(anchored.status()).as(anchored.toString()).isEqualTo(200);
        assertThat(anchored.json().getString("hash")).hasSize(64);
        // every chain and the anchors: whether they hold depends on the tampering tests run before on this
        // server (this only checks that the full walk answers); AnchorCheck's test covers the anchors' rules
        var all = as("auditeur").post("/audit/verification", null);
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.json().getInt("chains")).isPositive();
        assertThat(all.json().getJsonNumber("events").longValue()).isPositive();
    }

    /**
     * Every write endpoint refuses the auditor (403): each call is made with a body that passes the
     * resource's own checks, so that the refusal is the role's, on a report and a chat that exist.
     */
    @Test
    void anAuditorWritesNothing() {
        long id = scenario.forwardedReport();
        long chat = scenario.openChat("Bonjour.");
        String qualification = "{\"category\":\"THEFT\",\"urgency\":\"NORMAL\",\"postalCode\":\"78280\","
                + "\"commune\":\"Guyancourt\",\"factsAt\":\"2026-11-20T21:00:00Z\",\"anonymous\":true,"
                + "\"narrative\":\"Un vol.\"}";
        List<String[]> writes = List.of(
                new String[] {"PUT", "/reports/" + id + "/qualification", qualification},
                new String[] {"PUT", "/reports/" + id + "/qualification/draft", "{\"narrative\":\"x\"}"},
                new String[] {"POST", "/reports/" + id + "/review", "{}"},
                new String[] {"POST", "/reports/" + id + "/validation", "{\"decision\":\"APPROVED\"}"},
                new String[] {"POST", "/reports/" + id + "/acknowledge", null},
                new String[] {"POST", "/reports/" + id + "/take-over", null},
                new String[] {"POST", "/reports/" + id + "/decline", "{\"reason\":\"Pas compétent.\"}"},
                new String[] {"POST", "/reports/" + id + "/outcome", "{\"outcome\":\"NO_FURTHER_ACTION\"}"},
                new String[] {"POST", "/reports/" + id + "/reroute", "{\"unitCode\":\"CSP-VERSAILLES\"}"},
                new String[] {"POST", "/chats/" + chat + "/take", null},
                new String[] {"POST", "/chats/" + chat + "/messages", "{\"text\":\"Bonjour\"}"},
                new String[] {"POST", "/chats/" + chat + "/close", "{\"outcome\":\"INFORMATION\"}"},
                new String[] {"POST", "/chats/" + chat + "/transfer", "{\"target\":\"QUEUE\"}"},
                new String[] {"POST", "/chats/" + chat + "/report", null},
                new String[] {"POST", "/chats/" + chat + "/danger-now", "{\"postalCode\":\"78280\",\"summary\":\"x\"}"},
                new String[] {"POST", "/chats/spam", "{\"chatIds\":[" + chat + "]}"},
                new String[] {"POST", "/danger-now/1/acknowledge", null},
                new String[] {"PUT", "/operators/me/status", "{\"status\":\"AVAILABLE\"}"},
                new String[] {"PUT", "/operators/operateur/cap", "{\"cap\":3}"},
                new String[] {
                    "POST",
                    "/canned-answers",
                    "{\"platform\":\"GENERALIST\",\"kind\":\"ANSWER\",\"title\":\"t\",\"body\":\"b\"}"
                },
                new String[] {
                    "PUT",
                    "/canned-answers/1",
                    "{\"platform\":\"GENERALIST\",\"kind\":\"ANSWER\",\"title\":\"t\",\"body\":\"b\"}"
                },
                new String[] {"DELETE", "/canned-answers/1", null},
                new String[] {"POST", "/deliveries/1/retry", null},
                new String[] {
                    "PUT",
                    "/units/CSP-GUYANCOURT/endpoint",
                    "{\"url\":\"https://example.org/x\",\"secret\":\"0123456789abcdef0\"}"
                },
                new String[] {"DELETE", "/units/CSP-GUYANCOURT/endpoint", null},
                new String[] {"POST", "/users/operateur/disable", null},
                new String[] {"POST", "/audit/anchors", null});
        Api auditor = as("auditeur");
        for (String[] w : writes) {
            var reply = auditor.send(w[0], w[1], w[2]);
            assertThat(reply.status()).as(w[0] + " " + w[1] + " → " + reply).isEqualTo(403);
        }
        assertThat(as("operateur").get("/reports/" + id).json().getString("status"))
                .as("nothing changed")
                .isEqualTo("FORWARDED");
    }

    private static List<JsonObject> app(List<JsonObject> timeline, String kind) {
        return timeline.stream()
                .filter(i -> "application".equals(i.getString("source")) && kind.equals(i.getString("kind")))
                .toList();
    }

    private static int indexOf(List<JsonObject> timeline, String source, String kind) {
        for (int i = 0; i < timeline.size(); i++) {
            if (source.equals(timeline.get(i).getString("source"))
                    && kind.equals(timeline.get(i).getString("kind"))) {
                return i;
            }
        }
        throw new AssertionError(kind + " not in the timeline");
    }

    private static JsonObject verify(String user, long reportId) {
        var reply = as(user).post("/audit/verification", "{\"reportId\":" + reportId + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    /** The id and seq of the event at {@code seq} in the report's chain. */
    private static long[] event(long reportId, long seq) throws SQLException {
        try (Connection c = connection();
                var s = c.prepareStatement("SELECT id, seq FROM audit_event WHERE chain_key = ? AND seq = ?")) {
            s.setString(1, "report:" + reportId);
            s.setLong(2, seq);
            try (var r = s.executeQuery()) {
                assertThat(r.next())
                        .as("event " + seq + " of report " + reportId)
                        .isTrue();
                return new long[] {r.getLong(1), r.getLong(2)};
            }
        }
    }

    private static Connection connection() throws SQLException {
        Database.Settings db = TestEnvironment.systemDatabase();
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    /** A report made by the generalist operator during a new chat, waiting for its qualification. */
    private static long newReport() {
        long chat = scenario.openChat("Bonjour, je voudrais signaler des faits.");
        assertThat(as("operateur").post("/chats/" + chat + "/take", null).status())
                .isEqualTo(200);
        var report = as("operateur").post("/chats/" + chat + "/report", null);
        assertThat(report.status()).as(report.toString()).isEqualTo(201);
        return report.json().getJsonNumber("id").longValue();
    }

    private static Api.Reply qualify(long id, String category, String urgency) {
        return as("operateur")
                .put(
                        "/reports/" + id + "/qualification",
                        "{\"category\":\"" + category + "\",\"urgency\":\"" + urgency + "\",\"dangerNow\":false,"
                                + "\"victimMinor\":false,\"postalCode\":\"78280\",\"commune\":\"Guyancourt\","
                                + "\"factsAt\":\"2026-11-20T21:00:00Z\",\"anonymous\":true,"
                                + "\"narrative\":\"Des faits signalés pendant la conversation.\"}");
    }
}
