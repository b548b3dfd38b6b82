package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The application as the run command starts it, driven over HTTP with the demo accounts, as a
 * script or the load harness would.
 */
class LifecycleSystemIT {
    static final RelaisServer server = TestEnvironment.server();

    static Api as(String user) {
        return Api.as(server.baseUrl(), user);
    }

    static long openChat(String firstMessage) {
        var reply = Api.anonymous(server.baseUrl())
                .post(
                        "/citizen/chats",
                        "{\"platform\":\"GENERALIST\",\"door\":\"VICTIM\",\"topic\":\"harcelement\",\"message\":"
                                + jsonString(firstMessage) + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().getString("token")).hasSizeGreaterThan(30);
        return reply.json().getJsonNumber("id").longValue();
    }

    /** A report qualified for Guyancourt (78280) and waiting for the operator's review. */
    static long reportInReview(String narrative) {
        long chat = openChat("Bonjour, je voudrais signaler des faits.");
        assertThat(as("operateur").post("/chats/" + chat + "/take", null).status())
                .isEqualTo(200);
        var report = as("operateur").post("/chats/" + chat + "/report", null);
        assertThat(report.status()).as(report.toString()).isEqualTo(201);
        long id = report.json().getJsonNumber("id").longValue();
        var qualified = as("operateur")
                .put(
                        "/reports/" + id + "/qualification",
                        "{\"category\":\"HARASSMENT\",\"postalCode\":\"78280\",\"commune\":\"Guyancourt\","
                                + "\"factsAt\":\"2026-11-20T21:00:00Z\",\"urgent\":false,\"anonymous\":true,"
                                + "\"narrative\":" + jsonString(narrative) + ","
                                + "\"reporter\":{\"firstName\":\"Marie\",\"lastName\":\"Durand\"}}");
        assertThat(qualified.status()).as(qualified.toString()).isEqualTo(200);
        assertThat(qualified.json().getString("status")).isEqualTo("IN_REVIEW");
        return id;
    }

    static long forwardedReport() {
        long id = reportInReview("Mon voisin me menace depuis trois semaines.");
        var reviewed = as("operateur").post("/reports/" + id + "/review", "{}");
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
        return id;
    }

    @Test
    void aReportTravelsFromTheChatToTheCompetentUnitAcrossARestart() throws Exception {
        long id = reportInReview("Mon voisin me harcèle chaque soir.");

        server.stop();
        server.start(java.time.Duration.ofMinutes(4));

        var reviewed = as("operateur").post("/reports/" + id + "/review", "{}");
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
        assertThat(reviewed.json().getString("status")).isEqualTo("FORWARDED");
        assertThat(reviewed.json().getString("unitCode")).isEqualTo("CSP-GUYANCOURT");

        var inbox = as("agent-guyancourt").get("/inbox");
        assertThat(inbox.array().getValuesAs(JsonObject.class)).anySatisfy(r -> {
            assertThat(r.getJsonNumber("id").longValue()).isEqualTo(id);
            assertThat(r.containsKey("reporter"))
                    .as("anonymous: no identity leaves")
                    .isFalse();
        });
        assertThat(as("agent-versailles").get("/inbox").array().getValuesAs(JsonObject.class))
                .noneMatch(r -> r.getJsonNumber("id").longValue() == id);

        var takenOver = as("agent-guyancourt").post("/reports/" + id + "/take-over", null);
        assertThat(takenOver.status()).as(takenOver.toString()).isEqualTo(200);
        assertThat(takenOver.json().getString("status")).isEqualTo("TAKEN_OVER");
        assertThat(as("agent-guyancourt").get("/inbox").array().getValuesAs(JsonObject.class))
                .noneMatch(r -> r.getJsonNumber("id").longValue() == id);
    }

    @Test
    void aConversationWithoutReportEnds() {
        long chat = openChat("Quels sont les horaires du commissariat ?");
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
        long id = forwardedReport();
        assertThat(as("agent-guyancourt")
                        .post("/reports/" + id + "/decline", "{}")
                        .status())
                .isEqualTo(400);
        var declined = as("agent-guyancourt")
                .post("/reports/" + id + "/decline", "{\"reason\":\"Faits commis à Versailles.\"}");
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        assertThat(as("superviseur").get("/reports/rerouting").array().getValuesAs(JsonObject.class))
                .anyMatch(r -> r.getJsonNumber("id").longValue() == id);
        assertThat(as("operateur")
                        .post("/reports/" + id + "/reroute", "{\"unitCode\":\"CSP-VERSAILLES\"}")
                        .status())
                .isEqualTo(403);
        var rerouted = as("superviseur").post("/reports/" + id + "/reroute", "{\"unitCode\":\"CSP-VERSAILLES\"}");
        assertThat(rerouted.status()).as(rerouted.toString()).isEqualTo(200);
        assertThat(as("agent-versailles").get("/inbox").array().getValuesAs(JsonObject.class))
                .anyMatch(r -> r.getJsonNumber("id").longValue() == id);
    }

    @Test
    void aReportNoUnitCoversWaitsForTheSupervisorsNotInAVoid() {
        long chat = openChat("Bonjour");
        as("operateur").post("/chats/" + chat + "/take", null);
        long id = as("operateur")
                .post("/chats/" + chat + "/report", null)
                .json()
                .getJsonNumber("id")
                .longValue();
        var qualified = as("operateur")
                .put(
                        "/reports/" + id + "/qualification",
                        "{\"category\":\"SCAM\",\"postalCode\":\"97400\",\"commune\":\"Saint-Denis\","
                                + "\"narrative\":\"Faux conseiller bancaire.\"}");
        assertThat(qualified.status()).as(qualified.toString()).isEqualTo(200);
        var reviewed = as("operateur").post("/reports/" + id + "/review", "{}");
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
        assertThat(reviewed.json().getString("status")).isEqualTo("REROUTING");
        assertThat(as("superviseur").get("/reports/rerouting").array().getValuesAs(JsonObject.class))
                .anyMatch(r -> r.getJsonNumber("id").longValue() == id);
        var rerouted = as("superviseur").post("/reports/" + id + "/reroute", "{\"unitCode\":\"CSP-BORDEAUX\"}");
        assertThat(rerouted.status()).as(rerouted.toString()).isEqualTo(200);
        assertThat(rerouted.json().getString("unitCode")).isEqualTo("CSP-BORDEAUX");
        assertThat(as("superviseur")
                        .post("/reports/" + id + "/reroute", "{\"unitCode\":\"NOWHERE\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void everyCallChecksWhoIsCalling() {
        Api anonymous = Api.anonymous(server.baseUrl());
        var noCredentials = anonymous.get("/me");
        assertThat(noCredentials.status()).isEqualTo(401);
        assertThat(noCredentials.json().getString("error")).isEqualTo("unauthorized");
        assertThat(Api.as(server.baseUrl(), "operateur", "wrong").get("/me").status())
                .isEqualTo(401);
        assertThat(anonymous.get("/inbox").status()).isEqualTo(401);

        JsonObject me = as("agent-guyancourt").get("/me").json();
        assertThat(me.getString("name")).isEqualTo("agent-guyancourt");
        assertThat(me.getString("unit")).isEqualTo("CSP-GUYANCOURT");
        assertThat(me.getJsonArray("roles").getString(0)).isEqualTo("UNIT_AGENT");

        long chat = openChat("Bonjour");
        assertThat(as("agent-guyancourt").post("/chats/" + chat + "/take", null).status())
                .isEqualTo(403);
        assertThat(as("operatrice-vss").post("/chats/" + chat + "/take", null).status())
                .as("another platform's chat")
                .isEqualTo(403);
        assertThat(as("auditeur").post("/chats/" + chat + "/take", null).status())
                .isEqualTo(403);

        long report = forwardedReport();
        assertThat(as("auditeur").get("/reports/" + report).status()).isEqualTo(200);
        assertThat(as("auditeur")
                        .post("/reports/" + report + "/take-over", null)
                        .status())
                .isEqualTo(403);
        assertThat(as("agent-versailles").get("/reports/" + report).status()).isEqualTo(404);
        assertThat(as("agent-versailles")
                        .post("/reports/" + report + "/take-over", null)
                        .status())
                .isEqualTo(404);
        assertThat(as("agent-guyancourt").get("/reports/" + report).status()).isEqualTo(200);
    }

    @Test
    void twoOperatorsTakingTheSameChatAtOnce() throws Exception {
        long chat = openChat("Bonjour, c'est urgent.");
        CountDownLatch go = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(() -> takeAfter(go, "operateur", chat));
        var second = CompletableFuture.supplyAsync(() -> takeAfter(go, "operateur2", chat));
        go.countDown();
        List<Integer> statuses = List.of(first.get().status(), second.get().status());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    }

    private static Api.Reply takeAfter(CountDownLatch go, String user, long chat) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return as(user).post("/chats/" + chat + "/take", null);
    }

    @Test
    void badInputGetsAClearErrorAndChangesNothing() {
        long id = reportInReview("Escroquerie au faux conseiller bancaire.");
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

        long chat = openChat("Bonjour");
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
                .as("a generalist operator does not read the VSS platform's chats")
                .isEqualTo(403);
        assertThat(as("operatrice-vss").get("/chats/" + id + "/messages").status())
                .isEqualTo(200);
    }

    static String jsonString(String value) {
        return jakarta.json.Json.createValue(value).toString();
    }
}
