package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Competence on real communes, over HTTP on the shared server: each test qualifies its own reports
 * (commune by INSEE code, category), has them forwarded, and checks the unit chosen and the rule
 * that chose it, as the platform's staff and the unit see them. The directory is the shipped
 * reference units (a departmental level for every department) and the demo units of the Yvelines
 * and Gironde (Guyancourt, Versailles, Chevreuse, Bordeaux, a cyber unit of the Yvelines).
 */
class CompetenceSystemIT {
    static final RelaisServer server = TestEnvironment.server();
    static final Scenario scenario = new Scenario(server.baseUrl());

    static Api as(String user) {
        return scenario.as(user);
    }

    @Test
    void aCommuneOfTheYvelinesGoesToItsStationAndTheUnitSeesWhy() {
        long id = report("THEFT", "78297", null); // Guyancourt
        JsonObject forwarded = forward(id);
        assertThat(forwarded.getString("unitCode")).isEqualTo("CSP-GUYANCOURT");
        assertThat(forwarded.getString("competenceRule")).isEqualTo("COMMUNE_UNIT");
        assertThat(forwarded.getString("competenceReason"))
                .isEqualTo("Commissariat couvrant la commune de Guyancourt (78297).");

        var unit = as("agent-guyancourt").get("/reports/" + id);
        assertThat(unit.status()).as(unit.toString()).isEqualTo(200);
        assertThat(unit.json().getString("competenceRule")).isEqualTo("COMMUNE_UNIT");
        assertThat(unit.json().getString("competenceReason")).contains("Guyancourt (78297)");
        assertThat(as("agent-guyancourt").get("/inbox").array().getValuesAs(JsonObject.class))
                .anySatisfy(r -> {
                    assertThat(r.getJsonNumber("id").longValue()).isEqualTo(id);
                    assertThat(r.getString("competenceRule")).isEqualTo("COMMUNE_UNIT");
                });
        assertThat(as("superviseur")
                        .get("/receipts/" + forwarded.getString("reference"))
                        .json()
                        .getString("competenceReason"))
                .contains("Guyancourt");
    }

    @Test
    void aRuralCommuneGoesToItsBrigadeOrElseToTheDepartmentalGendarmerie() {
        JsonObject chevreuse = forward(report("BURGLARY", "78160", null));
        assertThat(chevreuse.getString("unitCode")).isEqualTo("BTA-CHEVREUSE");
        assertThat(chevreuse.getString("competenceRule")).isEqualTo("COMMUNE_UNIT");
        assertThat(chevreuse.getString("competenceReason")).startsWith("Brigade de gendarmerie couvrant");

        JsonObject saintLambert = forward(report("BURGLARY", "78561", null)); // 447 inhabitants, no unit covers it
        assertThat(saintLambert.getString("unitCode")).isEqualTo("GENDARMERIE-78");
        assertThat(saintLambert.getString("competenceRule")).isEqualTo("DEPARTMENTAL_FALLBACK");
        assertThat(saintLambert.getString("competenceReason"))
                .contains("Saint-Lambert (78561)", "gendarmerie", "moins de 20 000 habitants");
    }

    @Test
    void aCategoryCallingForASpecialisedUnitGoesToTheDepartmentsUnitOrItsDepartmentalLevel() {
        JsonObject scam = forward(report("ONLINE_SCAM", "78297", null));
        assertThat(scam.getJsonObject("decisions").getString("unitKind")).isEqualTo("CYBER_UNIT");
        assertThat(scam.getString("unitCode"))
                .as("not the station covering Guyancourt: the department's cyber unit")
                .isEqualTo("CYBER-78");
        assertThat(scam.getString("competenceRule")).isEqualTo("SPECIALISED_UNIT");
        assertThat(scam.getString("competenceReason")).contains("cybercriminalité");
        assertThat(as("agent-guyancourt")
                        .get("/reports/" + scam.getJsonNumber("id").longValue())
                        .status())
                .isEqualTo(404);

        JsonObject drugs = forward(report("DRUG_TRAFFICKING", "33063", "33800")); // Bordeaux: no drug unit in 33
        assertThat(drugs.getJsonObject("decisions").getString("unitKind")).isEqualTo("DRUG_UNIT");
        assertThat(drugs.getString("unitCode")).isEqualTo("POLICE-33");
        assertThat(drugs.getString("competenceRule")).isEqualTo("SPECIALISED_UNIT_MISSING");
        assertThat(drugs.getString("competenceReason")).contains("stupéfiants", "département 33");
    }

    @Test
    void aCommuneOfADepartmentWithNoShippedStationGoesToItsDepartmentalLevel() {
        JsonObject lyon = forward(report("THEFT", "69123", "69003"));
        assertThat(lyon.getString("unitCode")).isEqualTo("POLICE-69");
        assertThat(lyon.getString("competenceRule")).isEqualTo("DEPARTMENTAL_FALLBACK");
        assertThat(lyon.getString("competenceReason")).contains("Lyon (69123)", "police");

        JsonObject paris = forward(report("THEFT", "75115", null)); // Paris 15e: the Préfecture de police
        assertThat(paris.getString("unitCode")).isEqualTo("POLICE-75");
        assertThat(paris.getString("competenceReason")).contains("zone de police");
    }

    @Test
    void anOverseasCommuneGoesToItsDepartmentsLevel() {
        JsonObject saintDenis = forward(report("THEFT", "97411", "97400")); // La Réunion
        assertThat(saintDenis.getString("unitCode")).isEqualTo("POLICE-974");
        assertThat(saintDenis.getString("competenceRule")).isEqualTo("DEPARTMENTAL_FALLBACK");

        JsonObject mayotte = forward(report("VEHICLE_THEFT", "97611", "97600")); // Mamoudzou
        assertThat(mayotte.getString("unitCode")).isEqualTo("POLICE-976");
    }

    /** A report qualified for the commune, waiting for the operator's review. */
    private static long report(String category, String insee, String postalCode) {
        long chat = scenario.openChat("Bonjour, je voudrais signaler des faits.");
        assertThat(as("operateur").post("/chats/" + chat + "/take", null).status())
                .isEqualTo(200);
        var created = as("operateur").post("/chats/" + chat + "/report", null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().getJsonNumber("id").longValue();
        var qualified = as("operateur")
                .put(
                        "/reports/" + id + "/qualification",
                        "{\"category\":\"" + category + "\",\"urgency\":\"NORMAL\",\"communeInsee\":\"" + insee + "\""
                                + (postalCode == null ? "" : ",\"postalCode\":\"" + postalCode + "\"")
                                + ",\"factsAt\":\"2026-11-20T21:00:00Z\",\"anonymous\":true,"
                                + "\"narrative\":\"Faits signalés pour le test de compétence.\"}");
        assertThat(qualified.status()).as(qualified.toString()).isEqualTo(200);
        scenario.awaitStatus(id, "IN_REVIEW");
        return id;
    }

    /** The operator approves the outgoing report; the engine forwards it. The report as staff see it. */
    private static JsonObject forward(long id) {
        var reviewed = as("operateur").post("/reports/" + id + "/review", "{}");
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
        return scenario.awaitStatus(id, "FORWARDED");
    }
}
