package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * The application as the run command starts it, driven over HTTP with the demo accounts, as a
 * script or the load harness would.
 */
class LifecycleSystemIT {
    static final RelaisServer server = TestEnvironment.server();

    static final Scenario scenario = new Scenario(server.baseUrl());

    static Api as(String user) {
        return scenario.as(user);
    }

    @Test
    void aReportTravelsFromTheChatToTheCompetentUnitAcrossARestart() throws Exception {
        long id = scenario.reportInReview("Marie Durand, joignable au 06 12 34 56 78, est harcelée chaque soir.");

        server.stop();
        server.start(java.time.Duration.ofMinutes(4));

        var reviewed = as("operateur").post("/reports/" + id + "/review", "{}");
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
        assertThat(reviewed.json().getString("status")).isEqualTo("FORWARDING");
        var forwarded = scenario.awaitStatus(id, "FORWARDED");
        assertThat(forwarded.getString("unitCode")).isEqualTo("CSP-GUYANCOURT");

        var inbox = as("agent-guyancourt").get("/inbox");
        assertThat(inbox.array().getValuesAs(JsonObject.class)).anySatisfy(r -> {
            assertThat(r.getJsonNumber("id").longValue()).isEqualTo(id);
            assertUnitProjection(r);
        });
        assertUnitProjection(as("agent-guyancourt").get("/reports/" + id).json());
        assertThat(as("agent-versailles").get("/inbox").array().getValuesAs(JsonObject.class))
                .noneMatch(r -> r.getJsonNumber("id").longValue() == id);

        var takenOver = as("agent-guyancourt").post("/reports/" + id + "/take-over", null);
        assertThat(takenOver.status()).as(takenOver.toString()).isEqualTo(200);
        assertThat(takenOver.json().getString("status")).isEqualTo("TAKEN_OVER");
        assertUnitProjection(takenOver.json());
        assertThat(as("agent-guyancourt").get("/inbox").array().getValuesAs(JsonObject.class))
                .noneMatch(r -> r.getJsonNumber("id").longValue() == id);
        assertThat(as("agent-guyancourt").get("/reports/" + id).status())
                .as("the unit keeps the report it took over")
                .isEqualTo(200);
        scenario.awaitStatus(id, "TAKEN_OVER");
        assertThat(as("agent-guyancourt")
                        .post("/reports/" + id + "/take-over", null)
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aUnitAcknowledgesThenTakesOverThenItsOutcomeClosesTheReportWhichStaysInItsReports() {
        long id = scenario.forwardedReport();
        String reference = as("operateur").get("/reports/" + id).json().getString("reference");
        for (String path : new String[] {"/acknowledge", "/take-over", "/outcome"}) {
            assertThat(as("agent-versailles")
                            .post("/reports/" + id + path, "{\"outcome\":\"OTHER\",\"note\":\"x\"}")
                            .status())
                    .as("another unit's report does not exist for it: " + path)
                    .isEqualTo(404);
        }
        assertThat(as("agent-versailles").get("/reports/" + id).status()).isEqualTo(404);

        var acknowledged = as("agent-guyancourt").post("/reports/" + id + "/acknowledge", null);
        assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
        assertThat(acknowledged.json().getString("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.json().getString("acknowledgedBy")).isEqualTo("agent-guyancourt");
        assertThat(acknowledged.json().getString("acknowledgedAt")).isNotBlank();
        assertThat(as("agent-guyancourt")
                        .post("/reports/" + id + "/acknowledge", null)
                        .status())
                .isEqualTo(409);
        scenario.awaitStatus(id, "ACKNOWLEDGED");
        assertThat(as("agent-guyancourt").get("/reports/" + id).json().getString("nextStep"))
                .isEqualTo("TAKE_OVER");
        assertThat(as("agent-guyancourt")
                        .post("/reports/" + id + "/outcome", "{\"outcome\":\"NO_FURTHER_ACTION\"}")
                        .status())
                .as("no outcome before the take-over")
                .isEqualTo(409);

        var takenOver = as("agent-guyancourt").post("/reports/" + id + "/take-over", null);
        assertThat(takenOver.status()).as(takenOver.toString()).isEqualTo(200);
        assertThat(takenOver.json().getString("status")).isEqualTo("TAKEN_OVER");
        scenario.awaitStatus(id, "TAKEN_OVER");
        assertThat(as("agent-guyancourt").get("/inbox").array().getValuesAs(JsonObject.class))
                .noneMatch(r -> r.getJsonNumber("id").longValue() == id);
        assertThat(as("agent-guyancourt")
                        .get("/inbox?scope=taken&reference=" + reference.substring(0, 6))
                        .array()
                        .getValuesAs(JsonObject.class))
                .as("a report taken over stays in the unit's reports")
                .anyMatch(r -> r.getJsonNumber("id").longValue() == id);
        assertThat(as("agent-guyancourt")
                        .get("/inbox?scope=taken&category=THEFT&reference=" + reference)
                        .array()
                        .getValuesAs(JsonObject.class))
                .noneMatch(r -> r.getJsonNumber("id").longValue() == id);
        assertThat(as("agent-versailles").get("/inbox?scope=taken").array().getValuesAs(JsonObject.class))
                .noneMatch(r -> r.getJsonNumber("id").longValue() == id);

        assertThat(as("agent-guyancourt")
                        .post("/reports/" + id + "/outcome", "{\"outcome\":\"MAYBE\"}")
                        .status())
                .isEqualTo(400);
        var closed = as("agent-guyancourt")
                .post("/reports/" + id + "/outcome", "{\"outcome\":\"COMPLAINT_RECORDED\",\"note\":\"PV 2026/123\"}");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().getString("status")).isEqualTo("CLOSED");
        assertThat(closed.json().getString("outcome")).isEqualTo("COMPLAINT_RECORDED");
        scenario.awaitStatus(id, "CLOSED");
        var unitView = as("agent-guyancourt").get("/reports/" + id).json();
        assertThat(unitView.getString("closedAt")).isNotBlank();
        assertThat(unitView.getJsonArray("history")).hasSize(1);
        assertThat(as("agent-guyancourt")
                        .post("/reports/" + id + "/outcome", "{\"outcome\":\"NO_FURTHER_ACTION\"}")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aUnitDecliningWithASuggestionLosesTheReportAndTheSupervisorSeesWhoWhyAndTheSuggestion() {
        long id = scenario.forwardedReport();
        assertThat(as("agent-guyancourt")
                        .post("/reports/" + id + "/acknowledge", null)
                        .status())
                .isEqualTo(200);
        scenario.awaitStatus(id, "ACKNOWLEDGED");
        var declined = as("agent-guyancourt")
                .post(
                        "/reports/" + id + "/decline",
                        "{\"reason\":\"Faits commis à Versailles.\",\"suggestedUnit\":\"CSP-VERSAILLES\"}");
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        assertThat(declined.json().getString("status")).isEqualTo("DECLINED");
        scenario.awaitStatus(id, "REROUTING");
        assertThat(as("agent-guyancourt").get("/reports/" + id).status())
                .as("the declining unit loses the report")
                .isEqualTo(404);
        assertThat(as("agent-guyancourt")
                        .post("/reports/" + id + "/take-over", null)
                        .status())
                .isEqualTo(404);

        JsonObject rerouting =
                as("superviseur").get("/reports/rerouting").array().getValuesAs(JsonObject.class).stream()
                        .filter(r -> r.getJsonNumber("id").longValue() == id)
                        .findFirst()
                        .orElseThrow();
        assertThat(rerouting.getString("declinedBy")).isEqualTo("CSP-GUYANCOURT");
        assertThat(rerouting.getString("declinedByAgent")).isEqualTo("agent-guyancourt");
        assertThat(rerouting.getString("declineReason")).isEqualTo("Faits commis à Versailles.");
        assertThat(rerouting.getString("declinedAt")).isNotBlank();
        assertThat(rerouting.getString("suggestedUnit")).isEqualTo("CSP-VERSAILLES");
        assertThat(rerouting.getJsonArray("history")).hasSize(1);
        var candidates = rerouting.getJsonArray("candidates").getValuesAs(JsonObject.class);
        assertThat(candidates.get(0).getString("code"))
                .as("the suggestion first")
                .isEqualTo("CSP-VERSAILLES");
        assertThat(candidates.get(candidates.size() - 1).getString("code"))
                .as("the declining unit last")
                .isEqualTo("CSP-GUYANCOURT");
        assertThat(candidates.get(candidates.size() - 1).getBoolean("declined")).isTrue();

        assertThat(as("superviseur")
                        .post("/reports/" + id + "/reroute", "{\"unitCode\":\"CSP-VERSAILLES\"}")
                        .status())
                .isEqualTo(200);
        scenario.awaitStatus(id, "FORWARDED");
        var atVersailles = as("agent-versailles").get("/reports/" + id);
        assertThat(atVersailles.status()).isEqualTo(200);
        assertThat(atVersailles.json().getJsonArray("history")).hasSize(2);
        assertThat(as("agent-guyancourt").get("/reports/" + id).status()).isEqualTo(404);
    }

    @Test
    void theStatusPageFollowsAReportByItsReferenceAndSaysNothingElse() {
        long id = scenario.reportInReview("Marie Durand, joignable au 06 12 34 56 78, est harcelée chaque soir.");
        String reference = as("operateur").get("/reports/" + id).json().getString("reference");
        var citizen = scenario.anonymous();

        var received = citizen.get("/citizen/reports/" + reference);
        assertThat(received.status()).as(received.toString()).isEqualTo(200);
        assertThat(received.json().keySet()).containsExactlyInAnyOrder("reference", "stage");
        assertThat(received.json().getString("stage")).isEqualTo("RECEIVED");
        assertThat(received.json().getString("reference")).isEqualTo(reference);
        String typed = reference.toLowerCase(java.util.Locale.ROOT).replace("-", " ");
        assertThat(citizen.get("/citizen/reports/" + typed.replace(" ", "%20"))
                        .json()
                        .getString("stage"))
                .as("case, spaces and dashes do not matter")
                .isEqualTo("RECEIVED");
        assertThat(citizen.get("/citizen/reports/" + reference.replace("-", "")).status())
                .isEqualTo(200);

        assertThat(as("operateur").post("/reports/" + id + "/review", "{}").status())
                .isEqualTo(200);
        scenario.awaitStatus(id, "FORWARDED");
        var forwarded = citizen.get("/citizen/reports/" + reference);
        assertThat(forwarded.json().getString("stage")).isEqualTo("FORWARDED");
        assertThat(forwarded.body())
                .as("no unit, no narrative, no identity, no date")
                .doesNotContain("GUYANCOURT")
                .doesNotContain("harcelée")
                .doesNotContain("Durand")
                .doesNotContain("2026");

        assertThat(as("agent-guyancourt")
                        .post("/reports/" + id + "/take-over", null)
                        .status())
                .isEqualTo(200);
        scenario.awaitStatus(id, "TAKEN_OVER"); // the report's process records it a moment later
        assertThat(citizen.get("/citizen/reports/" + reference).json().getString("stage"))
                .isEqualTo("TAKEN_OVER");

        var unknown = citizen.get("/citizen/reports/0000-0000-00");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().getString("error")).isEqualTo("receipt_not_found");
        for (String malformed :
                new String[] {"K7M4-Q9PX-3U", "abc", "K7M4-Q9PX-3TT", "%27%20OR%201%3D1", "x".repeat(200)}) {
            var refused = citizen.get("/citizen/reports/" + malformed);
            assertThat(refused.status()).as(malformed).isEqualTo(404);
            assertThat(refused.body()).as("the same answer: nothing to probe").isEqualTo(unknown.body());
        }
    }

    @Test
    void staffFindAReportByItsReferenceWithinTheirScope() {
        long id = scenario.reportInReview("Vol de vélo devant la gare.");
        String reference = as("operateur").get("/reports/" + id).json().getString("reference");
        String typed = reference.toLowerCase(java.util.Locale.ROOT).replace("-", "");

        var operator = as("operateur").get("/receipts/" + typed);
        assertThat(operator.status()).as(operator.toString()).isEqualTo(200);
        assertThat(operator.json().getJsonNumber("id").longValue()).isEqualTo(id);
        assertThat(operator.json().getString("reference")).isEqualTo(reference);
        assertThat(operator.json().getString("narrative")).isEqualTo("Vol de vélo devant la gare.");
        assertThat(as("superviseur").get("/receipts/" + reference).status()).isEqualTo(200);

        var unknown = as("operateur").get("/receipts/0000-0000-00");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(as("operateur").get("/receipts/nope").body()).isEqualTo(unknown.body());
        var otherPlatform = as("operatrice-vss").get("/receipts/" + reference);
        assertThat(otherPlatform.status())
                .as("another platform's report does not exist")
                .isEqualTo(404);
        assertThat(otherPlatform.body()).isEqualTo(unknown.body());
        assertThat(as("agent-guyancourt").get("/receipts/" + reference).status())
                .as("not yet forwarded to the unit")
                .isEqualTo(404);

        assertThat(as("operateur").post("/reports/" + id + "/review", "{}").status())
                .isEqualTo(200);
        scenario.awaitStatus(id, "FORWARDED");
        var unit = as("agent-guyancourt").get("/receipts/" + reference);
        assertThat(unit.status()).as(unit.toString()).isEqualTo(200);
        assertThat(unit.json().getString("reference")).isEqualTo(reference);
        assertUnitProjection(unit.json(), "Vol de vélo");
        var otherUnit = as("agent-versailles").get("/receipts/" + reference);
        assertThat(otherUnit.status())
                .as("another unit's report does not exist")
                .isEqualTo(404);
        assertThat(otherUnit.body()).isEqualTo(unknown.body());

        var audited = as("auditeur").get("/receipts/" + reference);
        assertThat(audited.status()).isEqualTo(200);
        assertThat(audited.json().getString("reference")).isEqualTo(reference);
        assertThat(audited.json().keySet()).doesNotContain("reporter", "outgoingNarrative");
        assertThat(scenario.anonymous().get("/receipts/" + reference).status()).isEqualTo(401);
    }

    /** What a unit receives: what left the platform, never the original, the identity or the conversation. */
    static void assertUnitProjection(JsonObject report) {
        assertUnitProjection(report, "harcelée chaque soir");
    }

    static void assertUnitProjection(JsonObject report, String narrative) {
        assertThat(report.keySet())
                .doesNotContain("chatId", "reporter", "outgoingNarrative", "operator", "contactConsent");
        assertThat(report.toString()).doesNotContain("Durand").doesNotContain("06 12 34 56 78");
        assertThat(report.getString("narrative")).contains(narrative);
    }

    @Test
    void aUnitAnswersOnceWhenTwoAnswersRace() throws Exception {
        long id = scenario.forwardedReport();
        var go = new java.util.concurrent.CountDownLatch(1);
        var takeOver = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> after(go, () -> as("agent-guyancourt").post("/reports/" + id + "/take-over", null)));
        var decline = java.util.concurrent.CompletableFuture.supplyAsync(() -> after(
                go, () -> as("agent-guyancourt").post("/reports/" + id + "/decline", "{\"reason\":\"Hors zone.\"}")));
        go.countDown();

        assertThat(java.util.List.of(takeOver.get().status(), decline.get().status()))
                .containsExactlyInAnyOrder(200, 409);
        String settled = takeOver.get().status() == 200 ? "TAKEN_OVER" : "REROUTING";
        scenario.awaitStatus(id, settled);
    }

    private static Api.Reply after(
            java.util.concurrent.CountDownLatch go, java.util.function.Supplier<Api.Reply> call) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return call.get();
    }

    @Test
    void aConversationGoesOnAfterAReportAndClosesAfterIt() {
        var opened = scenario.anonymous()
                .post(
                        "/citizen/chats",
                        "{\"platform\":\"GENERALIST\",\"door\":\"REPORT\",\"message\":\"Je veux signaler un point de deal.\"}");
        long chat = opened.json().getJsonNumber("id").longValue();
        String token = opened.json().getString("token");
        assertThat(as("operateur").post("/chats/" + chat + "/take", null).status())
                .isEqualTo(200);
        var tooEarly = as("operateur").post("/chats/" + chat + "/close", "{\"outcome\":\"REPORT\"}");
        assertThat(tooEarly.status()).isEqualTo(400);
        assertThat(tooEarly.json().getString("error")).isEqualTo("no_report_made");

        var report = as("operateur").post("/chats/" + chat + "/report", null);
        assertThat(report.status()).as(report.toString()).isEqualTo(201);
        assertThat(report.json().getString("status")).isEqualTo("QUALIFYING");
        assertThat(report.json().getJsonNumber("chatId").longValue()).isEqualTo(chat);

        // the conversation goes on: both sides still write
        assertThat(scenario.anonymous()
                        .post(
                                "/citizen/chats/" + chat + "/messages",
                                "{\"text\":\"Il y en a aussi le soir.\"}",
                                "X-Chat-Token",
                                token)
                        .status())
                .isEqualTo(201);
        assertThat(as("operateur")
                        .post("/chats/" + chat + "/messages", "{\"text\":\"Merci, c'est noté.\"}")
                        .status())
                .isEqualTo(201);
        assertThat(as("operateur").get("/chats/" + chat).json().getString("status"))
                .isEqualTo("TAKEN");

        var closed = as("operateur").post("/chats/" + chat + "/close", "{\"outcome\":\"REPORT\"}");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().getString("outcome")).isEqualTo("REPORT");
        assertThat(as("operateur")
                        .get("/reports/" + report.json().getJsonNumber("id").longValue())
                        .json()
                        .getString("status"))
                .as("the report lives on after the conversation")
                .isEqualTo("QUALIFYING");
    }

    @Test
    void anAuditorReadsRedactedConversationsAndReports() {
        var opened = scenario.anonymous()
                .post(
                        "/citizen/chats",
                        "{\"platform\":\"GENERALIST\",\"door\":\"VICTIM\",\"message\":"
                                + "\"Je suis Paul Lefebvre, rappelez-moi au 06 98 76 54 32 ou paul.lefebvre@example.fr\"}");
        long chat = opened.json().getJsonNumber("id").longValue();
        var staff = as("operateur").get("/chats/" + chat + "/messages");
        assertThat(staff.body()).contains("06 98 76 54 32");

        var audited = as("auditeur").get("/chats/" + chat + "/messages");
        assertThat(audited.status()).isEqualTo(200);
        assertThat(audited.body())
                .doesNotContain("06 98 76 54 32")
                .doesNotContain("paul.lefebvre@example.fr")
                .doesNotContain("Lefebvre")
                .contains("rappelez-moi");

        long id = scenario.reportInReview("Marie Durand, joignable au 06 12 34 56 78, est harcelée chaque soir.");
        var report = as("auditeur").get("/reports/" + id);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().keySet()).doesNotContain("reporter", "outgoingNarrative");
        assertThat(report.body()).doesNotContain("Durand").doesNotContain("06 12 34 56 78");
        assertThat(report.json().getString("narrative")).contains("harcelée chaque soir");
    }

    @Test
    void aConversationWithoutReportEnds() {
        long chat = scenario.openChat("Quels sont les horaires du commissariat ?");
        assertThat(as("operateur").post("/chats/" + chat + "/take", null).status())
                .isEqualTo(200);
        var closed = as("operateur").post("/chats/" + chat + "/close", "{\"outcome\":\"INFORMATION\"}");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().getString("status")).isEqualTo("CLOSED");
        assertThat(as("operateur").post("/chats/" + chat + "/report", null).status())
                .isEqualTo(409);
    }

    @Test
    void aDeclinedReportIsReroutedByASupervisor() {
        long id = scenario.forwardedReport();
        assertThat(as("agent-guyancourt")
                        .post("/reports/" + id + "/decline", "{}")
                        .status())
                .isEqualTo(400);
        var declined = as("agent-guyancourt")
                .post("/reports/" + id + "/decline", "{\"reason\":\"Faits commis à Versailles.\"}");
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        assertThat(declined.json().getString("status")).isEqualTo("DECLINED");
        assertThat(as("agent-guyancourt").get("/reports/" + id).status())
                .as("a unit that declined a report loses it")
                .isEqualTo(404);
        assertThat(as("agent-guyancourt")
                        .post("/reports/" + id + "/take-over", null)
                        .status())
                .isEqualTo(404);
        scenario.awaitStatus(id, "REROUTING");
        assertThat(as("superviseur").get("/reports/rerouting").array().getValuesAs(JsonObject.class))
                .anySatisfy(r -> {
                    assertThat(r.getJsonNumber("id").longValue()).isEqualTo(id);
                    assertThat(r.getString("declinedBy")).isEqualTo("CSP-GUYANCOURT");
                    assertThat(r.getString("declineReason")).isEqualTo("Faits commis à Versailles.");
                });
        assertThat(as("operateur")
                        .post("/reports/" + id + "/reroute", "{\"unitCode\":\"CSP-VERSAILLES\"}")
                        .status())
                .isEqualTo(403);
        assertThat(as("superviseur")
                        .post("/reports/" + id + "/reroute", "{\"unitCode\":\"NOWHERE\"}")
                        .status())
                .isEqualTo(400);
        var rerouted = as("superviseur").post("/reports/" + id + "/reroute", "{\"unitCode\":\"CSP-VERSAILLES\"}");
        assertThat(rerouted.status()).as(rerouted.toString()).isEqualTo(200);
        assertThat(rerouted.json().getString("status")).isEqualTo("FORWARDED");
        assertThat(rerouted.json().getString("unitCode")).isEqualTo("CSP-VERSAILLES");
        assertThat(rerouted.json().getString("competenceRule"))
                .as("the supervisor chose, not the rule of competence")
                .isEqualTo("REROUTED");
        assertThat(as("agent-versailles").get("/inbox").array().getValuesAs(JsonObject.class))
                .anyMatch(r -> r.getJsonNumber("id").longValue() == id);
        assertThat(as("agent-guyancourt").get("/reports/" + id).status()).isEqualTo(404);
    }

    @Test
    void badInputGetsAClearErrorAndChangesNothing() {
        long id = scenario.reportInReview("Escroquerie au faux conseiller bancaire.");
        var broken = as("operateur").put("/reports/" + id + "/qualification", "{not json");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().getString("error")).isEqualTo("invalid_json");

        var anonymous = Api.anonymous(server.baseUrl());
        var badDoor = anonymous.post("/citizen/chats", "{\"platform\":\"GENERALIST\",\"door\":\"NOPE\"}");
        assertThat(badDoor.status()).isEqualTo(400);
        assertThat(badDoor.json().getString("error")).isEqualTo("invalid_door");
        assertThat(anonymous
                        .post("/citizen/chats", "{\"platform\":\"MARS\",\"door\":\"VICTIM\"}")
                        .status())
                .isEqualTo(400);

        long chat = scenario.openChat("Bonjour");
        assertThat(anonymous
                        .get("/citizen/chats/" + chat + "/messages", "X-Chat-Token", "forged")
                        .status())
                .isEqualTo(404);
        assertThat(as("operateur").get("/reports/99999999").status()).isEqualTo(404);
        assertThat(as("operateur").get("/chats?scope=everything").status()).isEqualTo(400);

        // the report in review is untouched by the failed calls
        var report = as("operateur").get("/reports/" + id).json();
        assertThat(report.getString("status")).isEqualTo("IN_REVIEW");
        assertThat(report.getString("narrative")).isEqualTo("Escroquerie au faux conseiller bancaire.");
    }

    @Test
    void theCitizenAloneReadsTheirChatWithTheToken() {
        var opened = Api.anonymous(server.baseUrl())
                .post(
                        "/citizen/chats",
                        "{\"platform\":\"VSS\",\"door\":\"VICTIM\",\"message\":\"J'ai besoin d'aide\"}");
        long id = opened.json().getJsonNumber("id").longValue();
        String token = opened.json().getString("token");
        var messages = Api.anonymous(server.baseUrl()).get("/citizen/chats/" + id + "/messages", "X-Chat-Token", token);
        assertThat(messages.status()).isEqualTo(200);
        assertThat(messages.array().getJsonObject(0).getString("text")).isEqualTo("J'ai besoin d'aide");
        assertThat(as("operateur").get("/chats/" + id + "/messages").status())
                .as("another platform's chat does not exist for a generalist operator")
                .isEqualTo(404);
        assertThat(as("operatrice-vss").get("/chats/" + id + "/messages").status())
                .isEqualTo(200);
        assertThat(as("operateur").get("/chats/" + id).status()).isEqualTo(404);
        assertThat(as("operateur").get("/chats/" + id).body())
                .isEqualTo(as("operateur").get("/chats/99999999").body());
        assertThat(as("operatrice-vss").get("/chats/" + id).json().getString("platform"))
                .isEqualTo("VSS");
    }
}
