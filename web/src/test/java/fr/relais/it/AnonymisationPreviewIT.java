package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The anonymisation preview over HTTP, and the lifecycle's redaction of an anonymous report. */
class AnonymisationPreviewIT {
    static final RelaisServer server = TestEnvironment.server();

    static final String TEXT =
            "Je m'appelle Marie Durand, joignable au 06 12 34 56 78. Il m'écrit à marie.d@example.fr.";

    @Test
    void operatorsSeeWhatWouldBeRedactedWithOffsetsIntoTheText() {
        var reply = Api.as(server.baseUrl(), "operateur")
                .post("/anonymisation/preview", "{\"text\":" + Scenario.json(TEXT) + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        String redacted = reply.json().getString("text");
        assertThat(redacted)
                .doesNotContain("Durand", "06 12 34 56 78", "marie.d@example.fr")
                .contains("[TÉLÉPHONE 1]");
        var entities = reply.json().getJsonArray("entities").getValuesAs(JsonObject.class);
        assertThat(entities).extracting(e -> e.getString("type")).contains("PERSON_NAME", "PHONE", "EMAIL");
        JsonObject phone = entities.stream()
                .filter(e -> e.getString("type").equals("PHONE"))
                .findFirst()
                .orElseThrow();
        assertThat(TEXT.substring(phone.getInt("start"), phone.getInt("end"))).isEqualTo("06 12 34 56 78");
    }

    @Test
    void anOperatorCanMaskPseudonymiseOrReleaseWhatTheUnitNeeds() {
        Api operator = Api.as(server.baseUrl(), "operateur");
        String text = "Le suspect roule en AB-123-CD et m'appelle du 06 12 34 56 78.";
        String body = "{\"text\":" + Scenario.json(text) + ",\"operator\":\"PSEUDONYM\"}";
        String first = operator.post("/anonymisation/preview", body).json().getString("text");
        String again = operator.post("/anonymisation/preview", body).json().getString("text");
        assertThat(first).isEqualTo(again).doesNotContain("AB-123-CD").doesNotContain("06 12 34 56 78");

        var released =
                operator.post("/anonymisation/preview", "{\"text\":" + Scenario.json(text) + ",\"released\":[0]}");
        assertThat(released.json().getString("text")).contains("AB-123-CD").doesNotContain("06 12 34 56 78");

        assertThat(operator.post("/anonymisation/preview", "{\"text\":\"x\",\"operator\":\"SHRED\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void onlyOperatorsAndSupervisorsMayAsk() {
        String body = "{\"text\":\"Bonjour\"}";
        assertThat(Api.anonymous(server.baseUrl())
                        .post("/anonymisation/preview", body)
                        .status())
                .isEqualTo(401);
        assertThat(Api.as(server.baseUrl(), "agent-guyancourt")
                        .post("/anonymisation/preview", body)
                        .status())
                .isEqualTo(403);
        assertThat(Api.as(server.baseUrl(), "auditeur")
                        .post("/anonymisation/preview", body)
                        .status())
                .isEqualTo(403);
        assertThat(Api.as(server.baseUrl(), "superviseur")
                        .post("/anonymisation/preview", body)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void badInputGetsAClearAnswerNeverA500() {
        Api operator = Api.as(server.baseUrl(), "operateur");
        assertThat(operator.post("/anonymisation/preview", "{}").status()).isEqualTo(400);
        var empty = operator.post("/anonymisation/preview", "{\"text\":\"\"}");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().getJsonArray("entities")).isEmpty();
        assertThat(operator.post("/anonymisation/preview", "{\"text\":\"a\\u0000b\\u0007 \\ud800 06 12 34 56 78\"}")
                        .status())
                .isEqualTo(200);
        var huge = operator.post("/anonymisation/preview", "{\"text\":\"" + "a".repeat(101 * 1024) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.json().getString("error")).isEqualTo("text_too_large");
    }

    @Test
    void anAnonymousReportLeavesThePlatformRedacted() {
        long id = new Scenario(server.baseUrl())
                .reportInReview("Marie Durand me harcèle, elle m'appelle au 06 12 34 56 78 toutes les nuits.");
        var report = Api.as(server.baseUrl(), "operateur").get("/reports/" + id).json();
        assertThat(report.getString("outgoingNarrative"))
                .doesNotContain("Durand")
                .doesNotContain("06 12 34 56 78")
                .contains("harcèle");
        Api.as(server.baseUrl(), "operateur").post("/reports/" + id + "/review", "{}");
        // forwarding is the engine's job after the review: the unit has the report once it is forwarded
        new Scenario(server.baseUrl()).awaitStatus(id, "FORWARDED");
        var forUnit = Api.as(server.baseUrl(), "agent-guyancourt")
                .get("/reports/" + id)
                .json();
        assertThat(forUnit.getString("narrative")).doesNotContain("Durand").doesNotContain("06 12 34 56 78");
        assertThat(forUnit.containsKey("reporter")).isFalse();
    }

    @Test
    void aHandCorrectionAddingAPhoneNumberIsCaughtUnlessReleasedWithAReason() {
        Scenario scenario = new Scenario(server.baseUrl());
        long id = scenario.reportInReview("Un homme me suit le soir depuis une semaine.");
        Api operator = Api.as(server.baseUrl(), "operateur");
        String outgoing = operator.get("/reports/" + id).json().getString("outgoingNarrative");
        String corrected = outgoing + " Rappelez-moi au 06 98 76 54 32.";

        var caught = operator.post("/reports/" + id + "/review", "{\"narrative\":" + Scenario.json(corrected) + "}");
        assertThat(caught.status()).as(caught.toString()).isEqualTo(409);
        assertThat(caught.json().getString("error")).isEqualTo("identifying_data");
        assertThat(caught.json().getString("message")).contains("TÉLÉPHONE", "06 98 76 54 32");
        assertThat(operator.get("/reports/" + id).json().getString("status"))
                .as("nothing forwarded")
                .isEqualTo("IN_REVIEW");

        var removed = operator.post(
                "/reports/" + id + "/review",
                "{\"narrative\":" + Scenario.json(outgoing + " Elle précise que c'est le soir.") + "}");
        assertThat(removed.status())
                .as("a correction with nothing identifying passes: " + removed)
                .isEqualTo(200);
    }

    @Test
    void aReleasedHandCorrectionLeavesWithItsReasonRecorded() {
        Scenario scenario = new Scenario(server.baseUrl());
        long id = scenario.reportInReview("Un homme me suit le soir depuis une semaine.");
        Api operator = Api.as(server.baseUrl(), "operateur");
        String outgoing = operator.get("/reports/" + id).json().getString("outgoingNarrative");
        String corrected = outgoing + " Numéro du commissariat voisin : 01 23 45 67 89.";
        var released = operator.post(
                "/reports/" + id + "/review",
                "{\"narrative\":" + Scenario.json(corrected)
                        + ",\"releaseReason\":\"Numéro public d'un service, pas du déclarant.\"}");
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        scenario.awaitStatus(id, "FORWARDED");
        var history = Api.as(server.baseUrl(), "auditeur").get("/reports/" + id + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body()).contains("narrative_reviewed", "PHONE", "Numéro public d'un service");
    }
}
