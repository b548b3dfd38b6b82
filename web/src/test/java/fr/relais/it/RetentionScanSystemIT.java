package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.Database;
import fr.relais.launcher.RelaisServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Retention under a controlled clock (issue 10): reports and conversations seeded through the API with
 * known identities (names, phones, e-mails, postal addresses), taken through review (a value masked by
 * selection, one released with a reason, a hand correction released with a reason), forwarded, closed by
 * the unit; then retention past the period, and a scan of every table of the application's database
 * (information_schema: every text and binary column, the engine's ACT_* tables and the audit tables
 * included; binary columns searched byte for byte) finds none of them in clear. The audit events keep
 * their place: the chains still verify, their rows are unchanged, and the history says the personal data
 * was destroyed.
 */
class RetentionScanSystemIT {
    static final RelaisServer server = TestEnvironment.server();
    static final Scenario scenario = new Scenario(server.baseUrl());
    private static final SecureRandom RANDOM = new SecureRandom();

    static Api as(String user) {
        return scenario.as(user);
    }

    /** Identities no other test uses: random letters in every name, street and e-mail. */
    record Identity(String firstName, String lastName, String phone, String email, String street, String nickname) {
        static Identity fresh() {
            String last = "Quentrec" + letters(6);
            String phone = "06 " + (10 + RANDOM.nextInt(20)) + " " + digits() + " " + digits() + " " + digits();
            return new Identity(
                    "Azilis",
                    last,
                    phone,
                    "azilis." + last.toLowerCase() + "@exemple.fr",
                    "allée des Genêts" + letters(5),
                    "zouzou" + letters(6));
        }

        /** What must not be left in clear anywhere once retention ran. */
        List<String> traces() {
            return List.of(lastName, email, phone, phone.replace(" ", ""), street, nickname);
        }

        String json() {
            return "{\"firstName\":\"" + firstName + "\",\"lastName\":\"" + lastName + "\",\"phone\":\"" + phone
                    + "\",\"email\":\"" + email + "\"}";
        }
    }

    private static String letters(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return b.toString();
    }

    private static String digits() {
        return String.format("%02d", RANDOM.nextInt(100));
    }

    @Test
    void afterRetentionNoSeededIdentityIsLeftInClearInAnyTableAndTheChainsStillVerify() throws Exception {
        Identity who = Identity.fresh();
        Identity talker = Identity.fresh();
        Identity former = Identity.fresh();
        String extraEmail = "temoin." + letters(8) + "@exemple.fr";

        // 1. a conversation and the anonymous report made from it, reviewed entity by entity
        long chat = scenario.openChat("Bonjour, je suis " + who.firstName() + " " + who.lastName() + ", au "
                + who.phone() + ", " + who.email() + ", j'habite 14 bis " + who.street() + " à Guyancourt.");
        assertThat(as("operateur").post("/chats/" + chat + "/take", null).status())
                .isEqualTo(200);
        var posted = as("operateur")
                .post(
                        "/chats/" + chat + "/messages",
                        "{\"text\":" + Scenario.json("Merci " + who.firstName() + " " + who.lastName() + ".") + "}");
        assertThat(posted.status()).as(posted.toString()).isLessThan(300);
        var made = as("operateur").post("/chats/" + chat + "/report", null);
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        long report = made.json().getJsonNumber("id").longValue();
        var qualified = as("operateur")
                .put(
                        "/reports/" + report + "/qualification",
                        "{\"category\":\"HARASSMENT\",\"postalCode\":\"78280\",\"commune\":\"Guyancourt\","
                                + "\"factsAt\":\"2026-11-20T21:00:00Z\",\"urgency\":\"NORMAL\",\"anonymous\":true,"
                                + "\"narrative\":"
                                + Scenario.json(who.firstName() + " " + who.lastName() + " (" + who.phone() + ", "
                                        + who.email() + "), 14 bis " + who.street() + ", surnommée « " + who.nickname()
                                        + " », est harcelée chaque soir par son voisin.")
                                + ",\"reporter\":" + who.json() + "}");
        assertThat(qualified.status()).as(qualified.toString()).isEqualTo(200);
        scenario.awaitStatus(report, "IN_REVIEW");

        var entities = as("operateur").get("/reports/" + report + "/redactions");
        assertThat(entities.status()).as(entities.toString()).isEqualTo(200);
        assertThat(as("operateur2").get("/reports/" + report + "/redactions").status())
                .as("another operator")
                .isEqualTo(403);
        JsonObject phone = entities.json().getJsonArray("entities").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("type").equals("PHONE"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no phone found: " + entities));
        assertThat(phone.getString("state")).isEqualTo("REDACTED");
        assertThat(entities.json().getString("outgoing")).doesNotContain(who.phone());

        var masked = as("operateur")
                .post(
                        "/reports/" + report + "/redactions",
                        "{\"action\":\"add\",\"text\":\"" + who.nickname() + "\",\"type\":\"PERSON_NAME\"}");
        assertThat(masked.status()).as(masked.toString()).isEqualTo(200);
        assertThat(masked.json().getString("outgoing")).doesNotContain(who.nickname());
        var noReason = as("operateur")
                .post(
                        "/reports/" + report + "/redactions",
                        "{\"action\":\"release\",\"index\":" + phone.getInt("index") + "}");
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
        assertThat(noReason.json().getString("error")).isEqualTo("reason_required");
        var released = as("operateur")
                .post(
                        "/reports/" + report + "/redactions",
                        "{\"action\":\"release\",\"index\":" + phone.getInt("index")
                                + ",\"reason\":\"Numéro du commissariat voisin, pas de l'internaute\"}");
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        String outgoing = released.json().getString("outgoing");
        assertThat(outgoing).contains(who.phone());

        String corrected = outgoing + " Témoin : " + extraEmail + ".";
        var caught = as("operateur")
                .post("/reports/" + report + "/review", "{\"narrative\":" + Scenario.json(corrected) + "}");
        assertThat(caught.status()).as(caught.toString()).isEqualTo(409);
        assertThat(caught.json().getString("error")).isEqualTo("identifying_data");
        assertThat(caught.body())
                .as("the value released one by one is not caught again")
                .doesNotContain(who.phone());
        var reviewed = as("operateur")
                .post(
                        "/reports/" + report + "/review",
                        "{\"narrative\":" + Scenario.json(corrected)
                                + ",\"releaseReason\":\"Adresse du témoin, qu'il a accepté de donner\"}");
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
        scenario.awaitStatus(report, "FORWARDED");
        assertThat(as("agent-guyancourt").get("/reports/" + report).body())
                .as("the unit reads what was decided")
                .contains(who.phone(), extraEmail, "[NOM")
                .doesNotContain(who.nickname(), who.lastName(), who.email());
        for (String step : List.of("/acknowledge", "/take-over")) {
            var done = as("agent-guyancourt").post("/reports/" + report + step, null);
            assertThat(done.status()).as(step + ": " + done).isEqualTo(200);
            scenario.awaitStatus(report, step.equals("/acknowledge") ? "ACKNOWLEDGED" : "TAKEN_OVER");
        }
        var outcome =
                as("agent-guyancourt").post("/reports/" + report + "/outcome", "{\"outcome\":\"COMPLAINT_RECORDED\"}");
        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(200);
        scenario.awaitStatus(report, "CLOSED");
        assertThat(as("operateur")
                        .post("/chats/" + chat + "/close", "{\"outcome\":\"REPORT\"}")
                        .status())
                .isEqualTo(200);

        // 2. a report from the public form, with an identity, a place and an address in the narrative
        String formPlace = "Résidence " + former.lastName();
        var form = Json.createObjectBuilder()
                .add("category", "DAMAGE")
                .add("commune", "Guyancourt")
                .add("postalCode", "78280")
                .add("place", formPlace)
                .add("when", "2026-11-20T21:30")
                .add(
                        "narrative",
                        "Voitures rayées devant le 3 " + former.street() + ", rappelez " + former.firstName() + " "
                                + former.lastName() + " au " + former.phone() + ".")
                .add("phone", former.phone())
                .add("email", former.email())
                .build()
                .toString();
        var submitted = scenario.anonymous()
                .post(
                        "/citizen/reports",
                        form,
                        "X-Forwarded-For",
                        "10.78." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254)));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String reference = submitted.json().getString("reference");
        long formReport = as("operateur").get("/reports/from-forms").array().getValuesAs(JsonObject.class).stream()
                .filter(o -> reference.equals(o.getString("reference")))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
        JsonObject statement =
                as("operateur").get("/reports/" + formReport).json().getJsonObject("statement");
        var formQualified = as("operateur")
                .put(
                        "/reports/" + formReport + "/qualification",
                        "{\"category\":\"DAMAGE\",\"communeInsee\":\"78297\",\"factsAt\":\"2026-11-20T20:30:00Z\","
                                + "\"urgency\":\"NORMAL\",\"anonymous\":true,\"narrative\":"
                                + Scenario.json(statement.getString("narrative")) + ",\"reporter\":"
                                + former.json() + "}");
        assertThat(formQualified.status()).as(formQualified.toString()).isEqualTo(200);
        scenario.awaitStatus(formReport, "IN_REVIEW");
        assertThat(as("operateur")
                        .post("/reports/" + formReport + "/review", "{}")
                        .status())
                .isEqualTo(200);
        scenario.awaitStatus(formReport, "FORWARDED");
        for (String step : List.of("/acknowledge", "/take-over")) {
            assertThat(as("agent-guyancourt")
                            .post("/reports/" + formReport + step, null)
                            .status())
                    .isEqualTo(200);
            scenario.awaitStatus(formReport, step.equals("/acknowledge") ? "ACKNOWLEDGED" : "TAKEN_OVER");
        }
        assertThat(as("agent-guyancourt")
                        .post("/reports/" + formReport + "/outcome", "{\"outcome\":\"COMPLAINT_RECORDED\"}")
                        .status())
                .isEqualTo(200);
        scenario.awaitStatus(formReport, "CLOSED");

        // 3. a conversation that made no report
        long talk = scenario.openChat("Ici " + talker.firstName() + " " + talker.lastName() + ", " + talker.phone()
                + ", " + talker.email() + ", 8 " + talker.street() + " : quels sont vos horaires ?");
        assertThat(as("operateur").post("/chats/" + talk + "/take", null).status())
                .isEqualTo(200);
        assertThat(as("operateur")
                        .post("/chats/" + talk + "/close", "{\"outcome\":\"INFORMATION\"}")
                        .status())
                .isEqualTo(200);

        List<String> traces = new ArrayList<>(who.traces());
        traces.addAll(former.traces());
        traces.add(formPlace);
        traces.addAll(talker.traces());
        traces.add(extraEmail);
        List<String> chains = List.of("report:" + report, "report:" + formReport, "chat:" + chat, "chat:" + talk);

        // personal data inside audit events is sealed: none in clear in the trail, even before retention
        assertThat(clearCopies(traces, "audit_event"))
                .as("the audit events hold personal data sealed only")
                .isEmpty();
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE chain_key IN ('report:" + report + "', 'chat:" + chat
                        + "') AND fields LIKE '%\"personal\":{\"sealed\":%'"))
                .as("released value, hand correction, messages: sealed in their events")
                .isGreaterThanOrEqualTo(4);
        var history = as("auditeur").get("/reports/" + report + "/history");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        List<JsonObject> personal = personalOf(history.json());
        assertThat(personal)
                .as("the auditor reads them while the key lives")
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.getString("state")).isEqualTo("open"));
        assertThat(history.body()).contains(who.phone(), extraEmail);
        assertThat(as("auditeur").get("/reports/" + report + "/reads").array().getValuesAs(JsonObject.class))
                .as("reading them is recorded")
                .anySatisfy(r -> {
                    assertThat(r.getString("username")).isEqualTo("auditeur");
                    assertThat(r.getString("kind")).isEqualTo("READ");
                });
        Map<Long, String> before = auditRows(chains);
        assertThat(clearCopies(List.of(extraEmail), null))
                .as("the scan finds what is there: the released e-mail left with the outgoing text")
                .contains("report.outgoing_narrative holds " + extraEmail);

        // 4. retention past the period (P1Y after closure) under the controlled clock
        var run = as("admin").post("/retention/run?now=" + Instant.now().plus(Duration.ofDays(367)), null);
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM report WHERE id IN (" + report + ", " + formReport
                        + ") AND erased_at IS NOT NULL"))
                .isEqualTo(2);
        assertThat(count(
                        "SELECT COUNT(*) FROM chat WHERE id IN (" + chat + ", " + talk + ") AND erased_at IS NOT NULL"))
                .isEqualTo(2);

        List<String> found = clearCopies(traces, null);
        assertThat(found)
                .as("no seeded identity in clear in any table after retention")
                .isEmpty();

        // the trail is intact: same rows, chains verify, the history says the data is gone
        assertThat(auditRows(chains))
                .as("retention leaves every audit event of the cases as it was")
                .containsAllEntriesOf(before);
        for (long id : List.of(report, formReport)) {
            var verified = as("auditeur").post("/audit/verification", "{\"reportId\":" + id + "}");
            assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
            assertThat(verified.json().getBoolean("holds"))
                    .as(verified.toString())
                    .isTrue();
        }
        var all = as("auditeur").post("/audit/verification", "{}");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        if (!all.json().getBoolean("holds")) {
            // another class breaks chains of its own on purpose on the shared server: not ours
            assertThat(chains)
                    .doesNotContain(all.json().getJsonObject("firstBroken").getString("chain"));
        }
        var after = as("auditeur").get("/reports/" + report + "/history");
        assertThat(after.status()).as(after.toString()).isEqualTo(200);
        assertThat(personalOf(after.json())).hasSameSizeAs(personal).allSatisfy(p -> {
            assertThat(p.getString("state")).isEqualTo("erased");
            assertThat(p.getString("message")).isEqualTo("Données personnelles détruites à l'échéance de conservation");
        });
        for (String trace : traces) {
            assertThat(after.body()).doesNotContain(trace);
        }
    }

    /** The opened (or not) personal fields of a history's application events. */
    private static List<JsonObject> personalOf(JsonObject history) {
        return history.getJsonArray("timeline").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.containsKey("details") && i.get("details") instanceof JsonObject)
                .map(i -> i.getJsonObject("details"))
                .filter(d -> d.get("personal") instanceof JsonObject p && p.containsKey("state"))
                .map(d -> d.getJsonObject("personal"))
                .toList();
    }

    /** The audit events of the chains: id to hash and fields as stored. */
    private static Map<Long, String> auditRows(List<String> chains) throws SQLException {
        Database.Settings db = TestEnvironment.systemDatabase();
        Map<Long, String> rows = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                var p = c.prepareStatement(
                        "SELECT id, hash, fields FROM audit_event WHERE chain_key IN (?, ?, ?, ?)")) {
            for (int i = 0; i < 4; i++) {
                p.setString(i + 1, chains.get(i));
            }
            try (var r = p.executeQuery()) {
                while (r.next()) {
                    rows.put(r.getLong(1), r.getString(2) + " " + r.getString(3));
                }
            }
        }
        return rows;
    }

    /**
     * Every column of every table of the schema (or of {@code onlyTable}) holding one of {@code traces}:
     * text columns compared as text (case and accents folded by the collation), binary ones searched for
     * the UTF-8 bytes.
     */
    private static List<String> clearCopies(List<String> traces, String onlyTable) throws SQLException {
        Database.Settings db = TestEnvironment.systemDatabase();
        List<String> found = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            List<String[]> columns = new ArrayList<>();
            try (var s = c.createStatement();
                    var r = s.executeQuery("SELECT c.table_name, c.column_name, c.data_type FROM"
                            + " information_schema.columns c JOIN information_schema.tables t ON t.table_schema ="
                            + " c.table_schema AND t.table_name = c.table_name WHERE c.table_schema = DATABASE()"
                            + " AND t.table_type = 'BASE TABLE' AND c.data_type IN ('char', 'varchar', 'tinytext',"
                            + " 'text', 'mediumtext', 'longtext', 'json', 'enum', 'set', 'tinyblob', 'blob',"
                            + " 'mediumblob', 'longblob', 'binary', 'varbinary')")) {
                while (r.next()) {
                    columns.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
                }
            }
            if (onlyTable == null) {
                assertThat(columns.stream().map(t -> t[0].toLowerCase()))
                        .as("the scan covers the engine's tables and the audit trail")
                        .contains(
                                "act_hi_varinst",
                                "act_hi_detail",
                                "act_hi_actinst",
                                "act_ru_variable",
                                "act_ge_bytearray",
                                "audit_event",
                                "audit_anchor",
                                "report",
                                "citizen_statement",
                                "chat_message",
                                "personal_data_read");
            }
            for (String[] column : columns) {
                if (onlyTable != null && !column[0].equalsIgnoreCase(onlyTable)) {
                    continue;
                }
                boolean binary = column[2].toLowerCase().contains("blob")
                        || column[2].equalsIgnoreCase("binary")
                        || column[2].equalsIgnoreCase("varbinary");
                String sql = binary
                        ? "SELECT COUNT(*) FROM `" + column[0] + "` WHERE INSTR(`" + column[1] + "`, ?) > 0"
                        // one character set for every text column (some are ascii): LIKE cannot mix them
                        : "SELECT COUNT(*) FROM `" + column[0] + "` WHERE CONVERT(`" + column[1]
                                + "` USING utf8mb4) LIKE ?";
                for (String trace : traces) {
                    try (var p = c.prepareStatement(sql)) {
                        if (binary) {
                            p.setBytes(1, trace.getBytes(StandardCharsets.UTF_8));
                        } else {
                            p.setString(1, "%" + trace + "%");
                        }
                        try (var r = p.executeQuery()) {
                            r.next();
                            if (r.getLong(1) > 0) {
                                found.add(column[0] + "." + column[1] + " holds " + trace);
                            }
                        }
                    }
                }
            }
        }
        return found;
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
