package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.Database;
import fr.relais.launcher.RelaisServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Reports without a chat, against the shared server: the public form's report through qualification,
 * review and forwarding to the unit's take-over, on the platform of its nature of facts; each bad input
 * refused with a code naming the field and nothing stored; a retry with the same idempotency key; the
 * per-address limit of reports. Each test calls from an address of its own ({@code X-Forwarded-For},
 * believed from 127.0.0.1 by the shared server), and marks its narratives to find its rows.
 */
class CitizenFormSystemIT {
    static final RelaisServer server = TestEnvironment.server();
    static final Scenario scenario = new Scenario(server.baseUrl());

    /** A citizen behind an address of its own (private range, random). */
    record Citizen(String address) {
        static Citizen fresh() {
            var r = ThreadLocalRandom.current();
            return new Citizen("10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255));
        }

        Api.Reply submit(String json, String... headers) {
            String[] all = new String[headers.length + 2];
            all[0] = "X-Forwarded-For";
            all[1] = address;
            System.arraycopy(headers, 0, all, 2, headers.length);
            return scenario.anonymous().post("/citizen/reports", json, all);
        }
    }

    /** A valid form for Guyancourt; {@code fields} replace or add members (raw JSON values, null removes). */
    static String form(String marker, String... fields) {
        var form = jakarta.json.Json.createObjectBuilder()
                .add("category", "DRUG_TRAFFICKING")
                .add("commune", "Guyancourt")
                .add("postalCode", "78280")
                .add("place", "Parking de la rue des Saules")
                .add("when", "2026-11-20T21:30")
                .add("narrative", "Deal tous les soirs vers 21 h devant le parking, plusieurs guetteurs. " + marker)
                .add("phone", "06 12 34 56 78")
                .build();
        var builder = jakarta.json.Json.createObjectBuilder(form);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (fields[i + 1] == null) {
                builder.remove(fields[i]);
            } else {
                try (var reader = jakarta.json.Json.createReader(new java.io.StringReader("[" + fields[i + 1] + "]"))) {
                    builder.add(fields[i], reader.readArray().get(0));
                }
            }
        }
        return builder.build().toString();
    }

    static String marker() {
        return "marque-" + UUID.randomUUID();
    }

    @Test
    void aFormReportIsCheckedByAnyOperatorOfItsPlatformThenForwardedAndTakenOver() throws Exception {
        String marker = marker();
        // damage, a territorial matter: the commune's station takes it (drug trafficking goes to the
        // department's drug unit, or its departmental level: CompetenceSystemIT)
        var submitted = Citizen.fresh()
                .submit(form(
                        marker,
                        "category",
                        "\"DAMAGE\"",
                        "narrative",
                        Scenario.json("Voitures rayées et rétroviseurs cassés chaque nuit sur le parking. " + marker)));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String reference = submitted.json().getString("reference");
        assertThat(reference).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}");
        assertThat(submitted.json().getString("stage")).isEqualTo("RECEIVED");
        assertThat(submitted.json().keySet())
                .as("no internal id for the citizen")
                .containsOnly("reference", "stage");
        assertThat(stage(reference)).isEqualTo("RECEIVED");

        // in the generalist operators' list to check, not in the VSS platform's
        long id = idInList("operateur", reference);
        assertThat(listed("operatrice-vss", reference)).isFalse();
        assertThat(scenario.as("operatrice-vss").get("/reports/" + id).status()).isEqualTo(404);
        assertThat(count(
                        "select count(*) from ACT_HI_ACTINST a join report r on a.PROC_INST_ID_ = r.process_instance_id"
                                + " where r.id = " + id + " and a.ACT_ID_ = 'StartEvent_ReportFromForm'"))
                .as("the lifecycle started at the form's start event")
                .isEqualTo(1);

        JsonObject staff = scenario.as("operateur").get("/reports/" + id).json();
        assertThat(staff.getString("status")).isEqualTo("QUALIFYING");
        assertThat(staff.get("chatId")).as("no chat").isIn(null, JsonValue.NULL);
        assertThat(staff.get("operator")).as("no operator yet").isIn(null, JsonValue.NULL);
        JsonObject statement = staff.getJsonObject("statement");
        assertThat(statement.getString("category")).isEqualTo("DAMAGE");
        assertThat(statement.getString("communeInsee")).isEqualTo("78297");
        assertThat(statement.getString("postalCode")).isEqualTo("78280");
        assertThat(statement.getString("place")).isEqualTo("Parking de la rue des Saules");
        assertThat(statement.getString("when")).isEqualTo("2026-11-20T21:30");
        assertThat(statement.getString("factsAt")).as("21:30 in Guyancourt").startsWith("2026-11-20T20:30");
        assertThat(statement.getString("narrative")).contains(marker);
        assertThat(statement.getBoolean("anonymous")).as("anonymous by default").isTrue();
        assertThat(statement.getJsonObject("reporter").getString("phone")).isEqualTo("+33612345678");

        // the operator checks and completes it; it becomes theirs and leaves the list
        var qualified = scenario.as("operateur2")
                .put(
                        "/reports/" + id + "/qualification",
                        "{\"category\":\"DAMAGE\",\"communeInsee\":\"78297\",\"factsAt\":\"2026-11-20T20:30:00Z\","
                                + "\"urgency\":\"NORMAL\",\"anonymous\":true,\"narrative\":"
                                + Scenario.json(statement.getString("narrative")) + "}");
        assertThat(qualified.status()).as(qualified.toString()).isEqualTo(200);
        assertThat(qualified.json().getString("operator")).isEqualTo("operateur2");
        assertThat(listed("operateur", reference)).isFalse();
        assertThat(scenario.as("operateur")
                        .put("/reports/" + id + "/qualification", "{}")
                        .status())
                .as("another operator cannot take it any more")
                .isIn(400, 403, 409);

        awaitStatus(id, "operateur2", "IN_REVIEW");
        var reviewed = scenario.as("operateur2").post("/reports/" + id + "/review", "{}");
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
        JsonObject forwarded = awaitStatus(id, "operateur2", "FORWARDED");
        assertThat(forwarded.getString("unitCode")).isEqualTo("CSP-GUYANCOURT");
        assertThat(stage(reference)).isEqualTo("FORWARDED");

        var unit = scenario.as("agent-guyancourt").get("/reports/" + id);
        assertThat(unit.json().keySet()).doesNotContain("statement", "reporter", "chatId");
        var taken = scenario.as("agent-guyancourt").post("/reports/" + id + "/take-over", null);
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        awaitStatus(id, "operateur2", "TAKEN_OVER"); // the report's process records it a moment later
        assertThat(stage(reference)).isEqualTo("TAKEN_OVER");
    }

    @Test
    void aReportOfSexualViolenceGoesToTheVssPlatformAndMayGiveAnIdentity() {
        String marker = marker();
        var submitted = Citizen.fresh()
                .submit(form(
                        marker,
                        "category",
                        "\"SEXUAL_VIOLENCE\"",
                        "commune",
                        null,
                        "postalCode",
                        null,
                        "communeInsee",
                        "\"78297\"",
                        "when",
                        "\"unknown\"",
                        "anonymous",
                        "false",
                        "lastName",
                        "\"Durand\"",
                        "email",
                        "\"m.durand@exemple.fr\""));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String reference = submitted.json().getString("reference");

        long id = idInList("operatrice-vss", reference);
        assertThat(listed("operateur", reference)).isFalse();
        JsonObject statement =
                scenario.as("operatrice-vss").get("/reports/" + id).json().getJsonObject("statement");
        assertThat(statement.getString("when")).isEqualTo("unknown");
        assertThat(statement.get("factsAt")).isIn(null, JsonValue.NULL);
        assertThat(statement.getString("postalCode"))
                .as("the commune's only postal code")
                .isEqualTo("78280");
        assertThat(statement.getBoolean("anonymous")).isFalse();
        assertThat(statement.getJsonObject("reporter").getString("lastName")).isEqualTo("Durand");
        assertThat(statement.getJsonObject("reporter").getString("email")).isEqualTo("m.durand@exemple.fr");
    }

    @Test
    void eachBadInputIsRefusedNamingItsFieldAndNothingIsStored() throws Exception {
        String marker = marker();
        long formReports = count("select count(*) from report where chat_id is null");
        String[][] cases = {
            {"invalid_commune", "commune", "\"Xyzzyville\""},
            {"postal_code_mismatch", "postalCode", "\"33000\""},
            {"invalid_narrative", "narrative", null},
            {"narrative_too_long", "narrative", Scenario.json("x".repeat(4_001))},
            {"invalid_phone", "phone", "\"06 12 34\""},
            {"invalid_category", "category", "\"NOT_A_CATEGORY\""},
            {"invalid_when", "when", "\"2999-01-01T10:00\""},
            {"invalid_when", "when", null},
            {"invalid_email", "email", "\"moi@\""},
            {"invalid_identity", "lastName", "\"Durand\""},
        };
        for (String[] bad : cases) {
            // an address per case: the per-address limit of reports counts refusals too
            var refused = Citizen.fresh().submit(form(marker, bad[1], bad[2]));
            assertThat(refused.status()).as(bad[0] + ": " + refused).isEqualTo(400);
            assertThat(refused.json().getString("error")).as(refused.toString()).isEqualTo(bad[0]);
            assertThat(refused.json().getString("message")).isNotBlank();
        }
        var overseas = Citizen.fresh().submit(form(marker, "communeInsee", "\"98818\"", "postalCode", "\"98800\""));
        assertThat(overseas.status()).as(overseas.toString()).isEqualTo(400);
        assertThat(overseas.json().getString("error")).isEqualTo("territory_not_covered");
        var malformed = Citizen.fresh().submit("{\"category\":");
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
        assertThat(malformed.json().getString("error")).isEqualTo("invalid_json");

        assertThat(count("select count(*) from citizen_statement where narrative like '%" + marker + "%'"))
                .isZero();
        assertThat(count("select count(*) from report where chat_id is null"))
                .as("no report stored")
                .isEqualTo(formReports);

        // a refused submission keeps no idempotency key: the same key then makes the report
        String key = UUID.randomUUID().toString();
        Citizen again = Citizen.fresh();
        assertThat(again.submit(form(marker, "phone", "\"123\""), "Idempotency-Key", key)
                        .status())
                .isEqualTo(400);
        assertThat(again.submit(form(marker), "Idempotency-Key", key).status()).isEqualTo(201);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyMakesNoSecondReport() throws Exception {
        Citizen citizen = Citizen.fresh();
        String marker = marker();
        String key = UUID.randomUUID().toString();

        var first = citizen.submit(form(marker), "Idempotency-Key", key);
        var retry = citizen.submit(form(marker), "Idempotency-Key", key);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.json().getString("reference")).isEqualTo(first.json().getString("reference"));
        assertThat(count("select count(*) from citizen_statement where narrative like '%" + marker + "%'"))
                .isEqualTo(1);

        // two retries racing: the second waits on the key's row, then finds what the first made
        String raced = marker();
        String racedKey = UUID.randomUUID().toString();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> citizen.submit(form(raced), "Idempotency-Key", racedKey));
            var b = pool.submit(() -> citizen.submit(form(raced), "Idempotency-Key", racedKey));
            assertThat(a.get().status()).as(a.get().toString()).isEqualTo(201);
            assertThat(b.get().status()).as(b.get().toString()).isEqualTo(201);
            assertThat(b.get().json().getString("reference"))
                    .isEqualTo(a.get().json().getString("reference"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("select count(*) from citizen_statement where narrative like '%" + raced + "%'"))
                .isEqualTo(1);

        var reused = citizen.submit(form(marker, "place", "\"Ailleurs\""), "Idempotency-Key", key);
        assertThat(reused.status()).as(reused.toString()).isEqualTo(422);
        assertThat(reused.json().getString("error")).isEqualTo("idempotency_key_reused");
        assertThat(count("select count(*) from citizen_statement where narrative like '%" + marker + "%'"))
                .isEqualTo(1);
    }

    @Test
    void reportsPastTheAddressLimitAreRefused429WithRetryAfterAndStoreNothing() throws Exception {
        Citizen flood = Citizen.fresh();
        String marker = marker();
        Api.Reply refused = null;
        long made = 0;
        // every submission counts, refused or not: fill the minute with bad ones (nothing stored)
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < TestEnvironment.REPORTS_PER_ADDRESS; i++) {
                var bad = flood.submit(form(marker, "narrative", null));
                assertThat(bad.status()).as(bad.toString()).isIn(400, 429);
            }
            refused = flood.submit(form(marker));
            if (refused.status() == 429) {
                break;
            }
            made++; // the minute turned over during the loop: fill the new window and try again
        }

        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.json().getString("error")).isEqualTo("rate_limited");
        var again = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(server.baseUrl() + "/api/v1/citizen/reports"))
                                .header("Content-Type", "application/json")
                                .header("X-Forwarded-For", flood.address())
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form(marker)))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(again.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 60L);
        assertThat(count("select count(*) from citizen_statement where narrative like '%" + marker + "%'"))
                .as("nothing stored past the limit")
                .isEqualTo(made);
        assertThat(Citizen.fresh().submit(form(marker())).status())
                .as("another address is not limited by this one")
                .isEqualTo(201);
    }

    private static String stage(String reference) {
        var status = scenario.anonymous().get("/citizen/reports/" + reference);
        assertThat(status.status()).as(status.toString()).isEqualTo(200);
        return status.json().getString("stage");
    }

    private static boolean listed(String operator, String reference) {
        var list = scenario.as(operator).get("/reports/from-forms");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.array().stream()
                .map(JsonValue::asJsonObject)
                .anyMatch(o -> reference.equals(o.getString("reference")));
    }

    private static long idInList(String operator, String reference) {
        var list = scenario.as(operator).get("/reports/from-forms");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.array().stream()
                .map(JsonValue::asJsonObject)
                .filter(o -> reference.equals(o.getString("reference")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(reference + " not listed for " + operator + ": " + list))
                .getJsonNumber("id")
                .longValue();
    }

    private static JsonObject awaitStatus(long id, String operator, String status) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        Api.Reply last;
        do {
            last = scenario.as(operator).get("/reports/" + id);
            if (last.status() == 200 && status.equals(last.json().getString("status"))) {
                return last.json();
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("report " + id + " not " + status + " within 30 s: " + last);
    }

    private static long count(String sql) throws SQLException {
        Database.Settings db = TestEnvironment.systemDatabase();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                var s = c.createStatement();
                var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
