package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The decision tables and the supervisor's validation on the shared server, over HTTP: the decided
 * priority and targets stored and shown to the operator and the unit, the validation loop both ways, a
 * report with a danger now forwarded before its validation, a new table version deployed by an
 * administrator, and bad input. Each test makes its own chats and reports.
 */
class ValidationSystemIT {
    static final RelaisServer server = TestEnvironment.server();
    static final Scenario scenario = new Scenario(server.baseUrl());

    static Api as(String user) {
        return scenario.as(user);
    }

    @Test
    void aQualifiedReportCarriesTheDecidedPriorityAndTargetsToTheOperatorAndTheUnit() {
        long id = newReport();
        Instant before = Instant.now();
        var qualified = qualify(id, "HARASSMENT", "HIGH", false, false);
        Instant after = Instant.now();
        assertThat(qualified.status()).as(qualified.toString()).isEqualTo(200);

        JsonObject report = scenario.awaitStatus(id, "IN_REVIEW");
        assertThat(report.getString("urgency")).isEqualTo("HIGH");
        assertThat(report.getBoolean("urgent")).isTrue();
        JsonObject decisions = report.getJsonObject("decisions");
        assertThat(decisions.getString("priority")).as("urgent: P2").isEqualTo("P2");
        assertThat(decisions.getString("unitKind")).isEqualTo("TERRITORIAL");
        assertThat(decisions.getString("validation")).isEqualTo("NONE");
        assertThat(decisions.getString("timeToForward")).isEqualTo("PT15M");
        assertThat(decisions.getString("timeToAcknowledge")).isEqualTo("PT1H");
        assertThat(decisions.getString("versions")).contains("Priority:", "ServiceLevels:", "UnitKind:", "Validation:");
        assertThat(Instant.parse(decisions.getString("forwardDueAt")))
                .as("15 minutes from the qualification")
                .isBetween(
                        before.plus(Duration.ofMinutes(15)).minusSeconds(2),
                        after.plus(Duration.ofMinutes(15)).plusSeconds(2));
        assertThat(absent(decisions, "acknowledgeDueAt"))
                .as("runs from the forwarding")
                .isTrue();
        assertThat(absent(report, "supervisorValidation")).isTrue();

        Instant reviewed = Instant.now();
        assertThat(as("operateur").post("/reports/" + id + "/review", "{}").status())
                .isEqualTo(200);
        scenario.awaitStatus(id, "FORWARDED");
        Instant forwarded = Instant.now();

        JsonObject unit = as("agent-guyancourt").get("/reports/" + id).json();
        JsonObject unitDecisions = unit.getJsonObject("decisions");
        assertThat(unitDecisions.getString("priority")).isEqualTo("P2");
        assertThat(Instant.parse(unitDecisions.getString("acknowledgeDueAt")))
                .as("an hour from the forwarding")
                .isBetween(
                        reviewed.plus(Duration.ofHours(1)).minusSeconds(2),
                        forwarded.plus(Duration.ofHours(1)).plusSeconds(2));
        assertThat(as("agent-guyancourt").get("/inbox").array().getValuesAs(JsonObject.class))
                .anySatisfy(r -> {
                    assertThat(r.getJsonNumber("id").longValue()).isEqualTo(id);
                    assertThat(r.getJsonObject("decisions").getString("priority"))
                            .isEqualTo("P2");
                });
    }

    @Test
    void aSupervisorSendsASensitiveReportBackWithACommentThenApprovesItsNewQualification() {
        long id = newReport();
        assertThat(qualify(id, "RADICALISATION", "NORMAL", false, false).status())
                .isEqualTo(200);
        JsonObject held = scenario.awaitStatus(id, "AWAITING_VALIDATION");
        assertThat(held.getJsonObject("decisions").getString("validation")).isEqualTo("BEFORE_FORWARDING");
        assertThat(held.getJsonObject("supervisorValidation").getBoolean("pending"))
                .isTrue();
        assertThat(absent(held.getJsonObject("decisions"), "forwardDueAt"))
                .as("forwarding runs from the approval")
                .isTrue();
        assertThat(as("operateur").post("/reports/" + id + "/review", "{}").status())
                .as("nothing goes further before the validation")
                .isEqualTo(409);
        assertThat(waiting()).anySatisfy(r -> {
            assertThat(r.getJsonNumber("id").longValue()).isEqualTo(id);
            assertThat(r.getString("validation")).isEqualTo("BEFORE_FORWARDING");
            assertThat(r.getString("priority")).isEqualTo("P2");
        });

        assertThat(as("operateur")
                        .post("/reports/" + id + "/validation", "{\"decision\":\"APPROVED\"}")
                        .status())
                .as("an operator does not validate")
                .isEqualTo(403);
        assertThat(as("auditeur").get("/reports/validation").status()).isEqualTo(403);
        var noComment = as("superviseur").post("/reports/" + id + "/validation", "{\"decision\":\"SENT_BACK\"}");
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.json().getString("error")).isEqualTo("invalid_comment");
        var unknown = as("superviseur").post("/reports/" + id + "/validation", "{\"decision\":\"MAYBE\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().getString("error")).isEqualTo("invalid_decision");
        assertThat(waiting())
                .as("nothing recorded by refused answers")
                .anyMatch(r -> r.getJsonNumber("id").longValue() == id);

        String comment = "<script>alert(1)</script> Préciser la commune des faits.";
        var sentBack = as("superviseur")
                .post(
                        "/reports/" + id + "/validation",
                        "{\"decision\":\"SENT_BACK\",\"comment\":" + Scenario.json(comment) + "}");
        assertThat(sentBack.status()).as(sentBack.toString()).isEqualTo(200);
        JsonObject returned = scenario.awaitStatus(id, "QUALIFYING");
        JsonObject validation = returned.getJsonObject("supervisorValidation");
        assertThat(validation.getString("decision")).isEqualTo("SENT_BACK");
        assertThat(validation.getString("comment")).isEqualTo(comment);
        assertThat(validation.getString("validatedBy")).isEqualTo("superviseur");
        assertThat(waiting()).noneMatch(r -> r.getJsonNumber("id").longValue() == id);

        assertThat(qualify(id, "RADICALISATION", "HIGH", false, false).status()).isEqualTo(200);
        scenario.awaitStatus(id, "AWAITING_VALIDATION");
        var approved = as("superviseur").post("/reports/" + id + "/validation", "{\"decision\":\"APPROVED\"}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        JsonObject goingOn = scenario.awaitStatus(id, "IN_REVIEW");
        assertThat(goingOn.getJsonObject("supervisorValidation").getString("decision"))
                .isEqualTo("APPROVED");
        assertThat(absent(goingOn.getJsonObject("decisions"), "forwardDueAt")).isFalse();
        assertThat(as("superviseur")
                        .post("/reports/" + id + "/validation", "{\"decision\":\"APPROVED\"}")
                        .status())
                .as("validated once")
                .isEqualTo(409);
    }

    @Test
    void aDisappearanceWithADangerNowIsForwardedAtOnceAndValidatedAfterwards() {
        long id = newReport();
        assertThat(qualify(id, "DISAPPEARANCE", "NORMAL", true, false).status()).isEqualTo(200);
        JsonObject report = scenario.awaitStatus(id, "IN_REVIEW");
        assertThat(report.getJsonObject("decisions").getString("priority")).isEqualTo("P1");
        assertThat(report.getJsonObject("decisions").getString("validation")).isEqualTo("AFTER_FORWARDING");
        assertThat(report.getBoolean("dangerNow")).isTrue();

        assertThat(as("operateur").post("/reports/" + id + "/review", "{}").status())
                .isEqualTo(200);
        JsonObject forwarded = scenario.awaitStatus(id, "FORWARDED");
        assertThat(forwarded.getJsonObject("supervisorValidation").getBoolean("pending"))
                .as("forwarded before any validation")
                .isTrue();
        assertThat(waiting()).anySatisfy(r -> {
            assertThat(r.getJsonNumber("id").longValue()).isEqualTo(id);
            assertThat(r.getString("validation")).isEqualTo("AFTER_FORWARDING");
        });

        var approved = as("superviseur").post("/reports/" + id + "/validation", "{\"decision\":\"APPROVED\"}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().getString("status")).isEqualTo("FORWARDED");
        assertThat(waiting()).noneMatch(r -> r.getJsonNumber("id").longValue() == id);
        assertThat(as("agent-guyancourt")
                        .post("/reports/" + id + "/take-over", null)
                        .status())
                .isEqualTo(200);
        scenario.awaitStatus(id, "TAKEN_OVER");
    }

    /**
     * The supervisor's validation after forwarding and the unit's take-over race on one process (two
     * branches of it, which the engine joins into one execution when the first ends): both users' calls
     * succeed, whichever transaction wins, because the loser is run again (CI once saw a 500 here), and
     * the take-over's stage is written under the report's row lock (it once lost to the validation's
     * update and the report stayed FORWARDED).
     */
    @Test
    void aValidationAfterForwardingAndATakeOverAtTheSameMomentBothSucceed() throws Exception {
        int reports = 4;
        long[] ids = new long[reports];
        for (int i = 0; i < reports; i++) {
            ids[i] = newReport();
            assertThat(qualify(ids[i], "DISAPPEARANCE", "NORMAL", true, false).status())
                    .isEqualTo(200);
        }
        for (long id : ids) {
            scenario.awaitStatus(id, "IN_REVIEW");
            assertThat(as("operateur").post("/reports/" + id + "/review", "{}").status())
                    .isEqualTo(200);
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2 * reports);
        try {
            for (long id : ids) {
                scenario.awaitStatus(id, "FORWARDED");
            }
            var start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Api.Reply>> approvals = new java.util.ArrayList<>();
            java.util.List<java.util.concurrent.Future<Api.Reply>> takeOvers = new java.util.ArrayList<>();
            for (long id : ids) {
                approvals.add(pool.submit(() -> {
                    start.await();
                    return as("superviseur").post("/reports/" + id + "/validation", "{\"decision\":\"APPROVED\"}");
                }));
                takeOvers.add(pool.submit(() -> {
                    start.await();
                    return as("agent-guyancourt").post("/reports/" + id + "/take-over", null);
                }));
            }
            start.countDown();
            for (int i = 0; i < reports; i++) {
                var approved = approvals.get(i).get(2, java.util.concurrent.TimeUnit.MINUTES);
                var takenOver = takeOvers.get(i).get(2, java.util.concurrent.TimeUnit.MINUTES);
                assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
                assertThat(takenOver.status()).as(takenOver.toString()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        for (long id : ids) {
            JsonObject report = scenario.awaitStatus(id, "TAKEN_OVER");
            assertThat(report.getJsonObject("supervisorValidation").getString("decision"))
                    .isEqualTo("APPROVED");
        }
    }

    @Test
    void badQualificationsGetAClearErrorNamingTheFieldAndNothingIsStored() {
        long id = newReport();
        var missing = as("operateur")
                .put(
                        "/reports/" + id + "/qualification",
                        "{\"category\":\"THEFT\",\"postalCode\":\"78280\",\"commune\":\"Guyancourt\","
                                + "\"narrative\":\"Vol de vélo.\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().getString("error")).isEqualTo("invalid_urgency");
        var unknown = as("operateur")
                .put(
                        "/reports/" + id + "/qualification",
                        "{\"category\":\"THEFT\",\"urgency\":\"URGENT\",\"postalCode\":\"78280\","
                                + "\"commune\":\"Guyancourt\",\"narrative\":\"Vol de vélo.\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().getString("error")).isEqualTo("invalid_urgency");
        var notBoolean = as("operateur")
                .put(
                        "/reports/" + id + "/qualification",
                        "{\"category\":\"THEFT\",\"urgency\":\"LOW\",\"dangerNow\":\"perhaps\","
                                + "\"postalCode\":\"78280\",\"commune\":\"Guyancourt\",\"narrative\":\"Vol.\"}");
        assertThat(notBoolean.status()).isEqualTo(400);
        assertThat(notBoolean.json().getString("error")).isEqualTo("invalid_danger_now");

        JsonObject report = as("operateur").get("/reports/" + id).json();
        assertThat(report.getString("status")).isEqualTo("QUALIFYING");
        assertThat(absent(report, "category")).as("nothing half-written").isTrue();
        assertThat(absent(report, "decisions")).isTrue();
        assertThat(as("superviseur")
                        .post("/reports/" + id + "/validation", "{\"decision\":\"APPROVED\"}")
                        .status())
                .as("a report that waits for no validation")
                .isEqualTo(409);

        assertThat(qualify(id, "THEFT", "LOW", false, false).status()).isEqualTo(200);
        assertThat(scenario.awaitStatus(id, "IN_REVIEW")
                        .getJsonObject("decisions")
                        .getString("priority"))
                .isEqualTo("P4");
    }

    @Test
    void aQualificationWithoutAWhenOrWithAWhenThatCannotBeIsRefusedNamingTheFieldAndNothingIsStored() {
        long id = newReport();
        String tomorrow =
                LocalDate.now(ZoneId.of("Pacific/Kiritimati")).plusDays(1).toString();
        assertRefused(qualifyWhen(id, ""), "missing_facts_when");
        assertRefused(qualifyWhen(id, ",\"factsUnknown\":false"), "missing_facts_when");
        assertRefused(
                qualifyWhen(id, ",\"factsAt\":\"2026-11-20T21:00\",\"factsUnknown\":true"), "ambiguous_facts_when");
        assertRefused(
                qualifyWhen(id, ",\"factsAt\":\"2026-11-20\",\"factsFrom\":\"2026-11-01\",\"factsTo\":\"2026-11-02\""),
                "ambiguous_facts_when");
        assertRefused(qualifyWhen(id, ",\"factsAt\":\"20/11/2026 21:00\""), "invalid_facts_at");
        assertRefused(qualifyWhen(id, ",\"factsAt\":\"" + tomorrow + "\""), "invalid_facts_at");
        assertRefused(
                qualifyWhen(id, ",\"factsAt\":\"" + Instant.now().plus(Duration.ofHours(2)) + "\""),
                "invalid_facts_at");
        assertRefused(
                qualifyWhen(id, ",\"factsFrom\":\"" + tomorrow + "\",\"factsTo\":\"" + tomorrow + "\""),
                "invalid_facts_from");
        assertRefused(
                qualifyWhen(id, ",\"factsFrom\":\"2026-11-01\",\"factsTo\":\"" + tomorrow + "\""), "invalid_facts_to");
        assertRefused(qualifyWhen(id, ",\"factsFrom\":\"2026-11-01\""), "invalid_facts_to");
        assertRefused(qualifyWhen(id, ",\"factsTo\":\"2026-11-01\""), "invalid_facts_from");
        assertRefused(
                qualifyWhen(id, ",\"factsFrom\":\"2026-11-03T10:00\",\"factsTo\":\"2026-11-03T09:00\""),
                "invalid_facts_period");
        assertRefused(
                qualifyWhen(id, ",\"factsFrom\":\"2026-11-03\",\"factsTo\":\"2026-11-01\""), "invalid_facts_period");
        assertRefused(qualifyWhen(id, ",\"factsUnknown\":\"yes\""), "invalid_facts_unknown");

        JsonObject report = as("operateur").get("/reports/" + id).json();
        assertThat(report.getString("status")).isEqualTo("QUALIFYING");
        assertThat(absent(report, "category")).as("nothing half-written").isTrue();
        assertThat(absent(report, "factsWhen")).isTrue();
        assertThat(absent(report, "factsAt")).isTrue();

        var period = qualifyWhen(id, ",\"factsFrom\":\"2026-11-01\",\"factsTo\":\"2026-11-01\"");
        assertThat(period.status()).as(period.toString()).isEqualTo(200);
        assertThat(period.json().getString("factsWhen")).isEqualTo("PERIOD");
    }

    @Test
    void aDraftOfTheFormIsKeptForTheOperatorWhoQualifiesTheReportUntilItIsQualified() {
        long id = newReport();
        String path = "/reports/" + id + "/qualification/draft";
        assertThat(as("operateur").get(path).json()).isEmpty();
        String draft = "{\"category\":\"THEFT\",\"whenKind\":\"EXACT\",\"factsAt\":\"14/03/20\","
                + "\"narrative\":\"Vol de vélo <b>devant</b> la gare.\"}";
        assertThat(as("operateur").put(path, draft).status()).isEqualTo(204);
        JsonObject saved = as("operateur").get(path).json();
        assertThat(saved.getString("factsAt")).as("as typed, not yet a date").isEqualTo("14/03/20");
        assertThat(saved.getString("narrative")).isEqualTo("Vol de vélo <b>devant</b> la gare.");
        assertThat(as("operateur").put(path, "{\"category\":\"BURGLARY\"}").status())
                .isEqualTo(204);
        assertThat(as("operateur").get(path).json().keySet())
                .as("a save replaces the draft")
                .containsExactly("category");

        assertThat(as("operateur2").put(path, draft).status())
                .as("another operator of the platform")
                .isEqualTo(403);
        assertThat(as("operateur2").get(path).json()).as("reads nothing").isEmpty();
        assertThat(as("operatrice-vss").put(path, draft).status())
                .as("another platform")
                .isEqualTo(404);
        assertThat(as("superviseur").get(path).status()).isEqualTo(403);
        assertThat(as("operateur")
                        .put(path, "{\"narrative\":\"" + "x".repeat(20_001) + "\"}")
                        .status())
                .isEqualTo(400);

        assertThat(qualify(id, "THEFT", "LOW", false, false).status()).isEqualTo(200);
        assertThat(as("operateur").get(path).json())
                .as("deleted with the qualification")
                .isEmpty();
        assertThat(as("operateur").put(path, draft).status()).isEqualTo(409);
    }

    private static Api.Reply qualifyWhen(long id, String when) {
        return as("operateur")
                .put(
                        "/reports/" + id + "/qualification",
                        "{\"category\":\"THEFT\",\"urgency\":\"LOW\",\"postalCode\":\"78280\","
                                + "\"commune\":\"Guyancourt\",\"narrative\":\"Vol de vélo.\"" + when + "}");
    }

    private static void assertRefused(Api.Reply reply, String code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.json().getString("error")).as(reply.toString()).isEqualTo(code);
        assertThat(reply.json().getString("message")).isNotBlank();
    }

    @Test
    void anAdministratorDeploysANewTableVersionThatLaterReportsUseWhileRunningOnesKeepTheirs() throws Exception {
        long running = newReport();
        Path table = Path.of(System.getProperty("relais.lint.dir", "."))
                .resolve("../processes/src/main/resources/ServiceLevels.dmn");
        String dmn = Files.readString(table)
                .replace("camunda:versionTag=\"1\"", "camunda:versionTag=\"it-" + System.nanoTime() + "\"");

        assertThat(deploy("operateur", dmn).statusCode()).isEqualTo(403);
        var garbage = deploy("admin", "<definitions>nothing</definitions>");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("invalid_decision_table");
        var deployed = deploy("admin", dmn);
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        JsonObject answer = new Api.Reply(deployed.statusCode(), deployed.body()).json();
        assertThat(answer.getString("key")).isEqualTo("ServiceLevels");
        int version = answer.getInt("version");

        long later = newReport();
        assertThat(qualify(running, "THEFT", "NORMAL", false, false).status()).isEqualTo(200);
        assertThat(qualify(later, "THEFT", "NORMAL", false, false).status()).isEqualTo(200);
        String runningVersions = scenario.awaitStatus(running, "IN_REVIEW")
                .getJsonObject("decisions")
                .getString("versions");
        String laterVersions = scenario.awaitStatus(later, "IN_REVIEW")
                .getJsonObject("decisions")
                .getString("versions");
        assertThat(laterVersions).contains("ServiceLevels:" + version);
        assertThat(runningVersions)
                .as("a report keeps the tables its process started with")
                .doesNotContain("ServiceLevels:" + version);
    }

    /** JSON-B leaves null properties out. */
    private static boolean absent(JsonObject object, String key) {
        return !object.containsKey(key) || object.isNull(key);
    }

    private static java.util.List<JsonObject> waiting() {
        var reply = as("superviseur").get("/reports/validation");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.array().getValuesAs(JsonObject.class);
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

    private static Api.Reply qualify(long id, String category, String urgency, boolean dangerNow, boolean minor) {
        return as("operateur")
                .put(
                        "/reports/" + id + "/qualification",
                        "{\"category\":\"" + category + "\",\"urgency\":\"" + urgency + "\",\"dangerNow\":"
                                + dangerNow + ",\"victimMinor\":" + minor
                                + ",\"postalCode\":\"78280\",\"commune\":\"Guyancourt\","
                                + "\"factsAt\":\"2026-11-20T21:00:00Z\",\"anonymous\":true,"
                                + "\"narrative\":\"Des faits signalés pendant la conversation.\"}");
    }

    private static HttpResponse<String> deploy(String user, String dmn) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/decision-tables"))
                                .header("Authorization", "Basic " + basic)
                                .header("Content-Type", "application/xml")
                                .header("Accept", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(dmn, StandardCharsets.UTF_8))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
