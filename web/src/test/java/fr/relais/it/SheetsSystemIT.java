package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The practical sheets and the nearby units over the public API and pages, on the shared server. */
class SheetsSystemIT {
    static final RelaisServer server = TestEnvironment.server();
    static final Api citizen = Api.anonymous(server.baseUrl());

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void theSheetsAreListedSearchedWithoutAccentsAndReadByAnyone() {
        var all = citizen.get("/sheets");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        List<JsonObject> sheets = all.array().getValuesAs(JsonObject.class);
        assertThat(sheets).hasSizeGreaterThanOrEqualTo(15);
        assertThat(sheets).allSatisfy(s -> assertThat(s.getString("summary")).isNotBlank());

        assertThat(citizen.get("/sheets?q=cambriolage").array().getValuesAs(JsonObject.class))
                .extracting(s -> s.getString("id"))
                .first()
                .isEqualTo("apres-un-cambriolage");
        assertThat(citizen.get("/sheets?q=harcelement").array().getValuesAs(JsonObject.class))
                .extracting(s -> s.getString("id"))
                .contains("harcelement-de-rue", "cyberharcelement");
        assertThat(citizen.get("/sheets?q=" + q("<script>zzz")).array()).isEmpty();

        var sheet = citizen.get("/sheets/porter-plainte");
        assertThat(sheet.status()).isEqualTo(200);
        assertThat(sheet.json().getString("title")).isEqualTo("Porter plainte : comment ça se passe");
        assertThat(sheet.json().getString("html")).contains("<h2>", "<li>").doesNotContain("<script");
    }

    @Test
    void anUnknownSheetOrATooLongSearchIsRefusedWithACode() {
        var unknown = citizen.get("/sheets/n-existe-pas");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().getString("error")).isEqualTo("sheet_not_found");
        var tooLong = citizen.get("/sheets?q=" + "a".repeat(101));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().getString("error")).isEqualTo("invalid_query");
    }

    @Test
    void aCommuneGetsItsCompetentUnitThenItsIntercommunalityAndDepartment() {
        var guyancourt = citizen.get("/units/nearby?commune=78297");
        assertThat(guyancourt.status()).as(guyancourt.toString()).isEqualTo(200);
        JsonObject answer = guyancourt.json();
        assertThat(answer.getJsonObject("commune").getString("name")).isEqualTo("Guyancourt");
        assertThat(answer.getJsonObject("competent").getString("code")).isEqualTo("CSP-GUYANCOURT");
        assertThat(answer.getString("competenceReason")).contains("Guyancourt (78297)");
        assertThat(answer.getString("epciName")).contains("Saint Quentin en Yvelines");
        assertThat(answer.getJsonArray("intercommunality").getValuesAs(JsonObject.class))
                .extracting(u -> u.getString("code"))
                .contains("CSP-SQY")
                .doesNotContain("CSP-GUYANCOURT", "BTA-CHEVREUSE");
        assertThat(answer.getJsonArray("department").getValuesAs(JsonObject.class))
                .extracting(u -> u.getString("code"))
                .contains("POLICE-78", "GENDARMERIE-78", "BTA-CHEVREUSE")
                .doesNotContain("CSP-GUYANCOURT", "CSP-SQY", "POLICE-33");
        assertThat(answer.getJsonArray("intercommunality").getValuesAs(JsonObject.class))
                .filteredOn(u -> u.getString("code").equals("CSP-SQY"))
                .singleElement()
                .satisfies(u -> {
                    assertThat(u.getString("kind")).isEqualTo("POLICE_STATION");
                    assertThat(u.getString("address")).contains("Élancourt");
                });

        // by name (accents and case aside) and by its only postal code: the same commune
        assertThat(citizen.get("/units/nearby?commune=" + q("GUYANCOURT"))
                        .json()
                        .getJsonObject("competent")
                        .getString("code"))
                .isEqualTo("CSP-GUYANCOURT");
        assertThat(citizen.get("/units/nearby?postalCode=78280")
                        .json()
                        .getJsonObject("commune")
                        .getString("insee"))
                .isEqualTo("78297");
    }

    @Test
    void aPostalCodeOrANameOfSeveralCommunesAsksTheCitizenToChoose() {
        JsonObject shared = citizen.get("/units/nearby?postalCode=78460").json();
        assertThat(shared.get("commune")).as("no commune yet").isIn(null, JsonValue.NULL);
        assertThat(shared.getJsonArray("choices").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("insee"))
                .contains("78160", "78162");
        assertThat(shared.getJsonArray("department")).isEmpty();

        JsonObject saintDenis =
                citizen.get("/units/nearby?commune=" + q("saint denis")).json();
        assertThat(saintDenis.getJsonArray("choices").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("insee"))
                .contains("93066", "97411");

        JsonObject chosen = citizen.get("/units/nearby?commune=78160").json();
        assertThat(chosen.getJsonObject("competent").getString("code")).isEqualTo("BTA-CHEVREUSE");
    }

    @Test
    void anUnknownOrMalformedPlaceIsRefusedWithAClearMessage() {
        assertRefused("/units/nearby", "missing_place");
        assertRefused("/units/nearby?postalCode=78280&commune=78297", "missing_place");
        assertRefused("/units/nearby?postalCode=7828", "invalid_postal_code");
        assertRefused("/units/nearby?postalCode=" + q("<script>"), "invalid_postal_code");
        assertRefused("/units/nearby?postalCode=00000", "unknown_postal_code");
        assertRefused("/units/nearby?commune=99999", "unknown_commune");
        assertRefused("/units/nearby?commune=" + q("Zzyzx-sur-Mer"), "unknown_commune");
        assertRefused("/units/nearby?commune=" + q("x".repeat(61)), "invalid_commune");
        assertRefused("/units/nearby?postalCode=97133", "territory_not_covered"); // Saint-Barthélemy
    }

    private static void assertRefused(String path, String code) {
        var reply = citizen.get(path);
        assertThat(reply.status()).as(path + " " + reply).isEqualTo(400);
        assertThat(reply.json().getString("error")).isEqualTo(code);
        assertThat(reply.json().getString("message")).isNotBlank();
    }
}
