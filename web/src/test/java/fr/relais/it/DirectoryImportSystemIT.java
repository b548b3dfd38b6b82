package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The admins' import of the directory from CSV, over HTTP on the shared server: each test uses unit
 * codes of its own (a random suffix) and communes of the Cantal (15), which no other test uses, so
 * that the tests depend neither on their order nor on other tests' data.
 */
class DirectoryImportSystemIT {
    static final RelaisServer server = TestEnvironment.server();
    static final Scenario scenario = new Scenario(server.baseUrl());
    static final String HEADER =
            "code;kind;name;department;commune;address;phone;opening_hours;desk_24h;communes;source";
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void aGoodFileAddsItsUnitsAndCompetenceThenUsesThem() {
        String code = code("CSP-ARPAJON");
        String cyber = code("TEST-CYBER");
        String file = HEADER + "\n"
                + code + ";POLICE_STATION;Commissariat de test d'Arpajon-sur-Cère;15;Arpajon-sur-Cère;"
                + "1 place de test, 15130 Arpajon-sur-Cère;04 71 00 00 00;Tous les jours 9h-18h;true;15012;"
                + "Fichier de test\n"
                + cyber + ";CYBER_UNIT;Unité cyber de test;15;;;;;false;;Fichier de test\n";

        var reply = post("admin", "/units/import?fileName=cantal.csv", file);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonObject done = json(reply.body());
        assertThat(done.getInt("added")).isEqualTo(2);
        assertThat(done.getInt("updated")).isZero();
        assertThat(done.getBoolean("dryRun")).isFalse();
        assertThat(done.getJsonArray("changes").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("code"), c -> c.getString("action"))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(code, "ADDED"),
                        org.assertj.core.groups.Tuple.tuple(cyber, "ADDED"));
        assertThat(export("admin")).contains(code + ";POLICE_STATION;Commissariat de test d'Arpajon-sur-Cère;15;");

        // Competence: a theft in Arpajon-sur-Cère (6,361 inhabitants) went to GENDARMERIE-15; now to the new station
        long id = CompetenceReports.report(scenario, "THEFT", "15012");
        JsonObject forwarded = CompetenceReports.forward(scenario, id);
        assertThat(forwarded.getString("unitCode")).isEqualTo(code);
        assertThat(forwarded.getString("competenceRule")).isEqualTo("COMMUNE_UNIT");

        var record = record("admin", done.getJsonNumber("importId").longValue());
        assertThat(record.getString("outcome")).isEqualTo("APPLIED");
        assertThat(record.getString("importedBy")).isEqualTo("admin");
        assertThat(record.getString("fileName")).isEqualTo("cantal.csv");
        assertThat(record.getString("sha256")).hasSize(64);
        assertThat(record.getInt("added")).isEqualTo(2);
    }

    @Test
    void aFileWithBadLinesIsRefusedWholeWithEveryBadLineListed() {
        String good = code("CSP-GOOD");
        String file = HEADER + "\n"
                + good + ";POLICE_STATION;Commissariat de test;15;Aurillac;;;;false;15014;Fichier de test\n"
                + code("CSP-KIND") + ";MAIRIE;Mairie;15;;;;;false;15014;Fichier de test\n"
                + code("CSP-INSEE") + ";POLICE_STATION;Commissariat;15;;;;;false;15999;Fichier de test\n"
                + good + ";POLICE_STATION;Doublon;15;;;;;false;15014;Fichier de test\n"
                + code("CSP-PHONE") + ";POLICE_STATION;Commissariat;15;;;12;;maybe;15014;Fichier de test\n";

        var reply = post("admin", "/units/import?fileName=bad.csv", file);
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        JsonObject refused = json(reply.body());
        assertThat(refused.getString("error")).isEqualTo("invalid_lines");
        assertThat(refused.getString("message")).contains("rien n'a été importé");
        assertThat(refused.getInt("rejected")).isEqualTo(4);
        var lines = refused.getJsonArray("lines").getValuesAs(JsonObject.class);
        assertThat(lines)
                .extracting(l -> l.getInt("line"), l -> l.getString("code"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "UNKNOWN_KIND"),
                        org.assertj.core.groups.Tuple.tuple(4, "UNKNOWN_COMMUNE"),
                        org.assertj.core.groups.Tuple.tuple(5, "DUPLICATE_CODE"),
                        org.assertj.core.groups.Tuple.tuple(6, "BAD_PHONE"),
                        org.assertj.core.groups.Tuple.tuple(6, "BAD_DESK_24H"));
        assertThat(lines.get(0).getString("reason")).isEqualTo("Type d'unité inconnu « MAIRIE ».");
        assertThat(lines.get(1).getString("reason")).contains("15999", "liste officielle des communes");

        assertThat(export("admin"))
                .as("the good line of a bad file is not imported")
                .doesNotContain(good);
        var record = record("admin", refused.getJsonNumber("importId").longValue());
        assertThat(record.getString("outcome")).isEqualTo("REJECTED");
        assertThat(record.getInt("rejected")).isEqualTo(4);
        assertThat(record.getInt("errors")).isEqualTo(5);
        assertThat(record.getInt("added")).isZero();
    }

    @Test
    void anUpdateReplacesFieldsAndCommunesAndIsRecorded() {
        String code = code("BTA-TEST");
        String first = HEADER + "\n" + code
                + ";GENDARMERIE_BRIGADE;Brigade de test;15;Aurillac;;;;false;15014 15012;Fichier de test\n";
        assertThat(post("admin", "/units/import", first).status()).isEqualTo(200);

        String second = HEADER + "\n" + code
                + ";GENDARMERIE_BRIGADE;Brigade de test renommée;15;Aurillac;;04 71 00 00 01;;true;15014 15020;"
                + "Fichier de test\n";
        var reply = post("admin", "/units/import?fileName=update.csv", second);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonObject done = json(reply.body());
        assertThat(done.getInt("updated")).isEqualTo(1);
        assertThat(done.getInt("added")).isZero();

        var record = record("admin", done.getJsonNumber("importId").longValue());
        JsonObject change = record.getJsonArray("changes").getJsonObject(0);
        assertThat(change.getString("code")).isEqualTo(code);
        assertThat(change.getString("action")).isEqualTo("UPDATED");
        assertThat(change.getJsonArray("fields").getValuesAs(JsonObject.class))
                .extracting(f -> f.getString("field"), f -> f.getString("after"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("name", "Brigade de test renommée"),
                        org.assertj.core.groups.Tuple.tuple("phone", "04 71 00 00 01"),
                        org.assertj.core.groups.Tuple.tuple("desk_24h", "true"));
        assertThat(change.getJsonArray("fields").getJsonObject(0).getString("before"))
                .isEqualTo("Brigade de test");
        assertThat(change.getJsonArray("communesAdded").getString(0)).isEqualTo("15020");
        assertThat(change.getJsonArray("communesRemoved").getString(0)).isEqualTo("15012");
        assertThat(export("admin"))
                .contains(code + ";GENDARMERIE_BRIGADE;Brigade de test renommée;15;Aurillac;;04 71 00 00 01;;true;"
                        + "15014 15020;");

        // the same file again changes nothing
        JsonObject again = json(post("admin", "/units/import", second).body());
        assertThat(again.getInt("unchanged")).isEqualTo(1);
        assertThat(again.getJsonArray("changes")).isEmpty();
    }

    @Test
    void aDryRunWritesNothing() {
        String code = code("CSP-DRY");
        String file = HEADER + "\n" + code + ";POLICE_STATION;Essai à blanc;15;;;;;false;15014;Fichier de test\n";
        var reply = post("admin", "/units/import?dryRun=true&fileName=dry.csv", file);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonObject done = json(reply.body());
        assertThat(done.getBoolean("dryRun")).isTrue();
        assertThat(done.getInt("added")).isEqualTo(1);
        assertThat(done.containsKey("importId") && !done.isNull("importId")).isFalse();
        assertThat(export("admin")).doesNotContain(code);
        var history = get("admin", "/units/imports?limit=500");
        assertThat(history.body()).doesNotContain(code);

        var bad = post("admin", "/units/import?dryRun=true", HEADER + "\n" + code + ";NOPE;X;15;;;;;false;;S\n");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(get("admin", "/units/imports?limit=500").body()).doesNotContain(code);
    }

    @Test
    void onlyAdminsImportReadTheRecordOrExport() {
        String file = HEADER + "\n" + code("CSP-NOPE") + ";POLICE_STATION;X;15;;;;;false;15014;S\n";
        for (String user : new String[] {"operateur", "superviseur", "agent-guyancourt", "auditeur"}) {
            assertThat(post(user, "/units/import", file).status()).as(user).isEqualTo(403);
            assertThat(get(user, "/units/imports").status()).as(user).isEqualTo(403);
            assertThat(get(user, "/units").status()).as(user).isEqualTo(403);
        }
        assertThat(send(null, "POST", "/units/import", file, "text/csv").status())
                .isEqualTo(401);
    }

    @Test
    void aFileOverTheBodyLimitIsRefused() {
        String big = HEADER + "\n" + ("# " + "x".repeat(1000) + "\n").repeat(300);
        var reply = post("admin", "/units/import", big);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(json(reply.body()).getString("error")).isEqualTo("payload_too_large");
    }

    private static String code(String prefix) {
        return prefix + "-" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    }

    private static JsonObject record(String user, long importId) {
        var history = get(user, "/units/imports?limit=500");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        return Json.createReader(new StringReader(history.body())).readArray().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getJsonNumber("id").longValue() == importId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("import " + importId + " not recorded: " + history.body()));
    }

    private static String export(String user) {
        var reply = send(user, "GET", "/units", null, null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).startsWith(HEADER + "\r\n"); // RFC 4180 lines (shared.Csv)
        return reply.body();
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static Api.Reply post(String user, String path, String csv) {
        return send(user, "POST", path, csv, "text/csv; charset=UTF-8");
    }

    private static Api.Reply get(String user, String path) {
        return send(user, "GET", path, null, null);
    }

    private static Api.Reply send(String user, String method, String path, String body, String type) {
        var request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1" + path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reports qualified for a commune and forwarded, as {@code CompetenceSystemIT} makes them. */
    static final class CompetenceReports {
        static long report(Scenario scenario, String category, String insee) {
            long chat = scenario.openChat("Bonjour, je voudrais signaler des faits.");
            assertThat(scenario.as("operateur")
                            .post("/chats/" + chat + "/take", null)
                            .status())
                    .isEqualTo(200);
            var created = scenario.as("operateur").post("/chats/" + chat + "/report", null);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            long id = created.json().getJsonNumber("id").longValue();
            var qualified = scenario.as("operateur")
                    .put(
                            "/reports/" + id + "/qualification",
                            "{\"category\":\"" + category + "\",\"urgency\":\"NORMAL\",\"communeInsee\":\"" + insee
                                    + "\",\"factsAt\":\"2026-11-20T21:00:00Z\",\"anonymous\":true,"
                                    + "\"narrative\":\"Faits signalés pour le test de l'import du répertoire.\"}");
            assertThat(qualified.status()).as(qualified.toString()).isEqualTo(200);
            scenario.awaitStatus(id, "IN_REVIEW");
            return id;
        }

        static JsonObject forward(Scenario scenario, long id) {
            var reviewed = scenario.as("operateur").post("/reports/" + id + "/review", "{}");
            assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
            return scenario.awaitStatus(id, "FORWARDED");
        }
    }
}
