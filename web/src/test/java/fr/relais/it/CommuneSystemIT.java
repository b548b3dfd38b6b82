package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The official list of communes on the shared server: the public autocomplete, and the place of a
 * report checked against it when it is qualified (each test makes its own chat and report).
 */
class CommuneSystemIT {
    static final RelaisServer server = TestEnvironment.server();

    static final Scenario scenario = new Scenario(server.baseUrl());

    static Api as(String user) {
        return scenario.as(user);
    }

    static List<JsonObject> search(String query) {
        var reply = scenario.anonymous().get("/communes?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.array().getValuesAs(JsonObject.class);
    }

    @Test
    void anyoneSearchesCommunesByNameOrPostalCodeWithoutAccents() {
        for (String query : List.of("st etienne", "Saint-Étienne", "42000")) {
            List<JsonObject> found = search(query);
            assertThat(found).as(query).isNotEmpty().hasSizeLessThanOrEqualTo(10);
            assertThat(found.get(0).getString("insee")).as(query).isEqualTo("42218");
            assertThat(found.get(0).getString("name")).isEqualTo("Saint-Étienne");
        }
        JsonObject saintDenis = search("saint denis").get(0);
        assertThat(saintDenis.getString("insee")).isEqualTo("97411");
        assertThat(saintDenis.getString("timeZone")).isEqualTo("Indian/Reunion");
        assertThat(saintDenis.getString("departmentName")).isEqualTo("La Réunion");

        var paris15 = scenario.anonymous().get("/communes/75115");
        assertThat(paris15.status()).as(paris15.toString()).isEqualTo(200);
        assertThat(paris15.json().getString("type")).isEqualTo("MUNICIPAL_DISTRICT");
        assertThat(paris15.json().getString("parentInsee")).isEqualTo("75056");
    }

    @Test
    void theAutocompleteIsBounded() {
        var many = scenario.anonymous().get("/communes?q=saint&limit=20");
        assertThat(many.array()).hasSize(20);
        assertError(scenario.anonymous().get("/communes?q=saint&limit=500"), 400, "invalid_limit");
        assertError(scenario.anonymous().get("/communes?q=s"), 400, "invalid_query");
        assertError(scenario.anonymous().get("/communes?q=" + "a".repeat(61)), 400, "invalid_query");
        assertError(scenario.anonymous().get("/communes/99999"), 404, "commune_not_found");
    }

    @Test
    void aReportTakesItsCommuneByInseeCode() {
        long id = newReport();
        var qualified = qualify(id, "\"communeInsee\":\"97411\",\"postalCode\":\"97417\"");
        assertThat(qualified.status()).as(qualified.toString()).isEqualTo(200);
        assertThat(qualified.json().getString("communeInsee")).isEqualTo("97411");
        assertThat(qualified.json().getString("commune")).isEqualTo("Saint-Denis");
        assertThat(qualified.json().getString("postalCode")).isEqualTo("97417");
    }

    @Test
    void aReportByNameAndPostalCodeStoresTheInseeCodeOfTheParentOfADelegatedCommune() {
        long id = newReport();
        // Cordieux is an associated commune of Montluel (01262)
        var qualified = qualify(id, "\"commune\":\"cordieux\",\"postalCode\":\"01120\"");
        assertThat(qualified.status()).as(qualified.toString()).isEqualTo(200);
        assertThat(qualified.json().getString("communeInsee")).isEqualTo("01262");
        assertThat(qualified.json().getString("commune")).isEqualTo("Cordieux");
    }

    @Test
    void aBadPlaceIsRefusedNamingTheFieldAndLeavesTheReportUnchanged() {
        long id = newReport();
        assertError(qualify(id, "\"commune\":\"X\",\"postalCode\":\"78280\""), 400, "invalid_commune");
        assertError(qualify(id, "\"communeInsee\":\"99999\""), 400, "invalid_commune");
        assertError(qualify(id, "\"commune\":\"Guyancourt\",\"postalCode\":\"75001\""), 400, "postal_code_mismatch");
        assertError(qualify(id, "\"communeInsee\":\"13055\",\"postalCode\":\"69001\""), 400, "postal_code_mismatch");
        assertError(qualify(id, "\"communeInsee\":\"13055\""), 400, "invalid_postal_code");
        assertError(qualify(id, "\"communeInsee\":\"98818\",\"postalCode\":\"98800\""), 400, "territory_not_covered");
        assertError(
                as("operateur")
                        .put(
                                "/reports/" + id + "/qualification",
                                "{\"category\":\"SCAM\",\"urgency\":\"NORMAL\",\"communeInsee\":\"78297\",\"narrative\":\"Faits.\"}"),
                400,
                "invalid_category");

        JsonObject report = as("operateur").get("/reports/" + id).json();
        assertThat(report.getString("status")).isEqualTo("QUALIFYING");
        assertThat(absent(report, "category")).as("category").isTrue();
        assertThat(absent(report, "commune")).as("commune").isTrue();
        assertThat(absent(report, "communeInsee")).as("communeInsee").isTrue();
        assertThat(absent(report, "postalCode")).as("postalCode").isTrue();
        assertThat(absent(report, "narrative")).as("narrative").isTrue();

        var qualified = qualify(id, "\"communeInsee\":\"78297\"");
        assertThat(qualified.status()).as(qualified.toString()).isEqualTo(200);
        assertThat(qualified.json().getString("postalCode")).isEqualTo("78280");
        assertThat(scenario.awaitStatus(id, "IN_REVIEW").getString("communeInsee"))
                .isEqualTo("78297");
    }

    @Test
    void theTimeOfTheFactsIsReadInTheTimeOfTheCommunesDepartmentAndStoredInUtc() {
        // Saint-Denis, La Réunion: UTC+4 all year
        long reunion = newReport();
        var atNight = qualifyWhen(
                reunion, "\"communeInsee\":\"97411\",\"postalCode\":\"97400\"", "\"factsAt\":\"2026-11-20T22:00\"");
        assertThat(atNight.status()).as(atNight.toString()).isEqualTo(200);
        assertThat(atNight.json().getString("factsWhen")).isEqualTo("EXACT");
        assertThat(atNight.json().getString("factsZone")).isEqualTo("Indian/Reunion");
        JsonObject stored = as("operateur").get("/reports/" + reunion).json();
        assertThat(Instant.parse(stored.getString("factsAt")))
                .as("22:00 in La Réunion is 18:00 UTC")
                .isEqualTo(Instant.parse("2026-11-20T18:00:00Z"));

        // Guyancourt, Yvelines: Paris time (UTC+1 in November); a day whose time is unknown
        long paris = newReport();
        var day = qualifyWhen(paris, "\"communeInsee\":\"78297\"", "\"factsAt\":\"2026-11-20\"");
        assertThat(day.status()).as(day.toString()).isEqualTo(200);
        assertThat(day.json().getString("factsWhen")).isEqualTo("DAY");
        assertThat(Instant.parse(day.json().getString("factsAt"))).isEqualTo(Instant.parse("2026-11-19T23:00:00Z"));
        assertThat(Instant.parse(day.json().getString("factsUntil"))).isEqualTo(Instant.parse("2026-11-20T23:00:00Z"));
        assertThat(day.json().getString("factsZone")).isEqualTo("Europe/Paris");

        // Cayenne, Guyane (UTC-3): a period; and an absolute moment stays as it was given
        long guyane = newReport();
        var period = qualifyWhen(
                guyane, "\"communeInsee\":\"97302\"", "\"factsFrom\":\"2026-11-01T20:00\",\"factsTo\":\"2026-11-02\"");
        assertThat(period.status()).as(period.toString()).isEqualTo(200);
        assertThat(period.json().getString("factsWhen")).isEqualTo("PERIOD");
        assertThat(Instant.parse(period.json().getString("factsAt"))).isEqualTo(Instant.parse("2026-11-01T23:00:00Z"));
        assertThat(Instant.parse(period.json().getString("factsUntil")))
                .isEqualTo(Instant.parse("2026-11-03T03:00:00Z"));
        assertThat(period.json().getString("factsZone")).isEqualTo("America/Cayenne");

        long unknown = newReport();
        var notKnown =
                qualifyWhen(unknown, "\"communeInsee\":\"97411\",\"postalCode\":\"97400\"", "\"factsUnknown\":true");
        assertThat(notKnown.status()).as(notKnown.toString()).isEqualTo(200);
        assertThat(notKnown.json().getString("factsWhen")).isEqualTo("UNKNOWN");
        assertThat(notKnown.json().containsKey("factsAt") && !notKnown.json().isNull("factsAt"))
                .isFalse();
    }

    private static Api.Reply qualifyWhen(long id, String place, String when) {
        return as("operateur")
                .put(
                        "/reports/" + id + "/qualification",
                        "{\"category\":\"ONLINE_SCAM\",\"urgency\":\"NORMAL\"," + place + "," + when
                                + ",\"anonymous\":true,\"narrative\":\"Un faux conseiller bancaire m'a appelé.\"}");
    }

    private static long newReport() {
        long chat = scenario.openChat("Bonjour, je voudrais signaler des faits.");
        assertThat(as("operateur").post("/chats/" + chat + "/take", null).status())
                .isEqualTo(200);
        var report = as("operateur").post("/chats/" + chat + "/report", null);
        assertThat(report.status()).as(report.toString()).isEqualTo(201);
        return report.json().getJsonNumber("id").longValue();
    }

    private static Api.Reply qualify(long id, String place) {
        return as("operateur")
                .put(
                        "/reports/" + id + "/qualification",
                        "{\"category\":\"ONLINE_SCAM\",\"urgency\":\"NORMAL\"," + place
                                + ",\"factsAt\":\"2026-11-20T21:00:00Z\",\"anonymous\":true,"
                                + "\"narrative\":\"Un faux conseiller bancaire m'a appelé.\"}");
    }

    private static boolean absent(JsonObject json, String key) {
        return !json.containsKey(key) || json.isNull(key);
    }

    private static void assertError(Api.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.json().getString("error")).as(reply.toString()).isEqualTo(code);
        assertThat(reply.json().getString("message")).isNotBlank();
    }
}
