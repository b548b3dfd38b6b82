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
        long id = scenario.reportInReview("Mon voisin me harcèle chaque soir.");

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
        long chat = scenario.openChat("Bonjour");
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
                .as("a generalist operator does not read the VSS platform's chats")
                .isEqualTo(403);
        assertThat(as("operatrice-vss").get("/chats/" + id + "/messages").status())
                .isEqualTo(200);
        assertThat(as("operateur").get("/chats/" + id).status()).isEqualTo(403);
        assertThat(as("operatrice-vss").get("/chats/" + id).json().getString("platform"))
                .isEqualTo("VSS");
    }
}
