package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.Database;
import fr.relais.launcher.RelaisServer;
import fr.relais.privacy.control.Envelope;
import fr.relais.privacy.control.MasterKeys;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Sealed originals, unsealing with a reason, records of reads and retention, over HTTP against the
 * shared server, with the database read directly to see what is stored at rest. Each test seeds
 * identities of its own (random letters), so that a scan of every text column of the schema, the
 * engine's tables included, tells whether any copy of them is left in clear.
 */
class PrivacySystemIT {
    /** The shared server's master keys: new wraps use the second one. */
    static final String MASTER_KEYS = "it-old:" + Base64.getEncoder().encodeToString(new byte[32]) + ",it-new:"
            + Base64.getEncoder().encodeToString("relais-it-master-key-number-two!".getBytes());

    static final String MASTER_KEY_ID = "it-new";

    static final RelaisServer server = TestEnvironment.server();
    static final Scenario scenario = new Scenario(server.baseUrl());
    private static final SecureRandom RANDOM = new SecureRandom();

    static Api as(String user) {
        return scenario.as(user);
    }

    /** An identity no other test uses. */
    record Identity(String firstName, String lastName, String phone, String email) {
        static Identity fresh() {
            String last = "Kervadec" + letters(7);
            // 06 10 to 06 29: allocated mobile ranges, which the public form's check accepts
            String phone = "06 " + (10 + RANDOM.nextInt(20)) + " " + digits() + " " + digits() + " " + digits();
            return new Identity("Maelys", last, phone, last.toLowerCase() + "@exemple.fr");
        }

        /** What must not be found in clear: the surname, the e-mail, the phone as typed and as digits. */
        List<String> traces() {
            return List.of(lastName, email, phone, phone.replace(" ", ""));
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

    /** A chat whose citizen gives their identity, and the anonymous report made from it, forwarded. */
    private record Case(long chat, String token, long report) {}

    private static Case forwardedAnonymousReport(Identity who) {
        var opened = scenario.anonymous()
                .post(
                        "/citizen/chats",
                        "{\"platform\":\"GENERALIST\",\"door\":\"VICTIM\",\"topic\":\"harcelement\",\"message\":"
                                + Scenario.json("Je suis " + who.firstName() + " " + who.lastName() + ", joignable au "
                                        + who.phone() + " ou " + who.email())
                                + "}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        long chat = opened.json().getJsonNumber("id").longValue();
        String token = opened.json().getString("token");
        assertThat(as("operateur").post("/chats/" + chat + "/take", null).status())
                .isEqualTo(200);
        var made = as("operateur").post("/chats/" + chat + "/report", null);
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        long id = made.json().getJsonNumber("id").longValue();
        var qualified = as("operateur")
                .put(
                        "/reports/" + id + "/qualification",
                        "{\"category\":\"HARASSMENT\",\"postalCode\":\"78280\",\"commune\":\"Guyancourt\","
                                + "\"factsAt\":\"2026-11-20T21:00:00Z\",\"urgency\":\"NORMAL\",\"anonymous\":true,"
                                + "\"narrative\":"
                                + Scenario.json(who.firstName() + " " + who.lastName() + " (" + who.phone() + ", "
                                        + who.email() + ") est harcelée chaque soir par son voisin.")
                                + ",\"reporter\":" + who.json() + "}");
        assertThat(qualified.status()).as(qualified.toString()).isEqualTo(200);
        scenario.awaitStatus(id, "IN_REVIEW");
        assertThat(as("operateur").post("/reports/" + id + "/review", "{}").status())
                .isEqualTo(200);
        scenario.awaitStatus(id, "FORWARDED");
        return new Case(chat, token, id);
    }

    @Test
    void anAnonymousReportReachesTheUnitWithoutIdentityAndIsSealedOnceTheConversationEnds() throws Exception {
        Identity who = Identity.fresh();
        Case c = forwardedAnonymousReport(who);

        // everything the unit can read
        List<String> unitReads = new ArrayList<>();
        unitReads.add(as("agent-guyancourt").get("/inbox").body());
        unitReads.add(as("agent-guyancourt").get("/reports/" + c.report()).body());
        var acknowledged = as("agent-guyancourt").post("/reports/" + c.report() + "/acknowledge", null);
        assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
        unitReads.add(acknowledged.body());
        assertThat(as("agent-guyancourt")
                        .get("/chats/" + c.chat() + "/messages")
                        .status())
                .as("a unit never reads a conversation")
                .isIn(403, 404);
        for (String read : unitReads) {
            for (String trace : who.traces()) {
                assertThat(read).doesNotContain(trace);
            }
        }

        // forwarded, but the conversation goes on: its operator still reads it as told
        var before = as("operateur").get("/reports/" + c.report());
        assertThat(before.json().getBoolean("sealed")).isFalse();
        assertThat(before.json().getString("narrative")).contains(who.lastName());
        assertThat(as("operateur").get("/chats/" + c.chat() + "/messages").body())
                .contains(who.lastName());
        // minimised: the auditor's transcript is redacted with the identity given in the report too
        var audited = as("auditeur").get("/chats/" + c.chat() + "/messages");
        assertThat(audited.status()).isEqualTo(200);
        for (String trace : who.traces()) {
            assertThat(audited.body()).doesNotContain(trace);
        }

        assertThat(as("operateur")
                        .post("/chats/" + c.chat() + "/close", "{\"outcome\":\"REPORT\"}")
                        .status())
                .isEqualTo(200);

        var after = as("operateur").get("/reports/" + c.report());
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().getBoolean("sealed")).isTrue();
        for (String trace : who.traces()) {
            assertThat(after.body()).doesNotContain(trace);
            assertThat(as("operateur").get("/chats/" + c.chat() + "/messages").body())
                    .doesNotContain(trace);
            assertThat(as("auditeur").get("/reports/" + c.report()).body()).doesNotContain(trace);
            assertThat(as("auditeur").get("/chats/" + c.chat() + "/messages").body())
                    .doesNotContain(trace);
        }
        assertThat(clearCopies(who.traces())).as("no copy in clear at rest").isEmpty();
        assertThat(count("SELECT COUNT(*) FROM report WHERE id = " + c.report()
                        + " AND sealed_original IS NOT NULL AND narrative IS NULL AND reporter_last_name IS NULL"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM chat_message WHERE chat_id = " + c.chat()
                        + " AND author = 'CITIZEN' AND sealed_text IS NOT NULL AND text = ''"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM data_key WHERE key_id = '" + MASTER_KEY_ID + "'"
                        + " AND ((owner_kind = 'REPORT' AND owner_id = " + c.report() + ")"
                        + " OR (owner_kind = 'CHAT' AND owner_id = " + c.chat() + "))"))
                .as("new wraps use the current master key id")
                .isEqualTo(2);

        // unsealing: supervisors of the platform and auditors, with a reason, recorded
        for (String reader : List.of("superviseur", "auditeur")) {
            var unsealed = as(reader)
                    .post(
                            "/reports/" + c.report() + "/unseal",
                            "{\"reason\":\"Réquisition judiciaire 2026-" + reader + "\"}");
            assertThat(unsealed.status()).as(unsealed.toString()).isEqualTo(200);
            assertThat(unsealed.json().getBoolean("sealed")).isTrue();
            assertThat(unsealed.json().getString("narrative")).contains(who.lastName());
            assertThat(unsealed.json().getJsonObject("reporter").getString("email"))
                    .isEqualTo(who.email());
            var transcript =
                    as(reader).post("/chats/" + c.chat() + "/unseal", "{\"reason\":\"Contrôle CNIL " + reader + "\"}");
            assertThat(transcript.status()).as(transcript.toString()).isEqualTo(200);
            assertThat(transcript.json().getJsonArray("lines").getValuesAs(JsonObject.class))
                    .anySatisfy(l -> {
                        assertThat(l.getString("author")).isEqualTo("CITIZEN");
                        assertThat(l.getString("text")).contains(who.lastName(), who.phone());
                    });
        }
        for (String body : new String[] {null, "{}", "{\"reason\":\"   \"}"}) {
            var refused = as("superviseur").post("/reports/" + c.report() + "/unseal", body);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.json().getString("error")).isEqualTo("reason_required");
        }
        assertThat(as("auditeur").post("/chats/" + c.chat() + "/unseal", "{}").status())
                .isEqualTo(422);
        for (String other : List.of("operateur", "psychologue", "agent-guyancourt", "admin")) {
            var refused = as(other).post("/reports/" + c.report() + "/unseal", "{\"reason\":\"curiosité\"}");
            assertThat(refused.status()).as(other + ": " + refused).isEqualTo(403);
            assertThat(refused.body()).doesNotContain(who.lastName());
            assertThat(as(other)
                            .post("/chats/" + c.chat() + "/unseal", "{\"reason\":\"curiosité\"}")
                            .status())
                    .as(other)
                    .isEqualTo(403);
        }

        var reads = as("auditeur").get("/reports/" + c.report() + "/reads");
        assertThat(reads.status()).as(reads.toString()).isEqualTo(200);
        List<JsonObject> records = reads.array().getValuesAs(JsonObject.class);
        assertThat(records).anySatisfy(r -> {
            assertThat(r.getString("username")).isEqualTo("superviseur");
            assertThat(r.getString("role")).isEqualTo("SUPERVISOR");
            assertThat(r.getString("kind")).isEqualTo("UNSEAL");
            assertThat(r.getString("reason", null)).isEqualTo("Réquisition judiciaire 2026-superviseur");
            assertThat(r.getString("readAt")).isNotBlank();
        });
        assertThat(records).anySatisfy(r -> {
            assertThat(r.getString("username")).isEqualTo("auditeur");
            assertThat(r.getString("kind")).isEqualTo("UNSEAL");
        });
        assertThat(records)
                .as("the operator's reads of the original before sealing")
                .anySatisfy(r -> {
                    assertThat(r.getString("username")).isEqualTo("operateur");
                    assertThat(r.getString("kind")).isEqualTo("READ");
                });
        assertThat(records)
                .noneMatch(r -> r.getString("kind").equals("UNSEAL")
                        && !List.of("superviseur", "auditeur").contains(r.getString("username")));
        assertThat(as("auditeur").get("/chats/" + c.chat() + "/reads").array().getValuesAs(JsonObject.class))
                .anySatisfy(r -> assertThat(r.getString("reason", null)).isEqualTo("Contrôle CNIL superviseur"))
                .anySatisfy(r -> {
                    assertThat(r.getString("username")).isEqualTo("operateur");
                    assertThat(r.getString("kind")).isEqualTo("READ");
                });
        assertThat(as("operateur").get("/reports/" + c.report() + "/reads").status())
                .isEqualTo(403);
    }

    @Test
    void retentionDestroysTheKeysAndLeavesNoIdentityInAnyTable() throws Exception {
        Identity who = Identity.fresh();
        Case c = forwardedAnonymousReport(who);
        for (String step : List.of("/acknowledge", "/take-over")) {
            var done = as("agent-guyancourt").post("/reports/" + c.report() + step, null);
            assertThat(done.status()).as(step + ": " + done).isEqualTo(200);
            scenario.awaitStatus(c.report(), step.equals("/acknowledge") ? "ACKNOWLEDGED" : "TAKEN_OVER");
        }
        var closed = as("agent-guyancourt")
                .post("/reports/" + c.report() + "/outcome", "{\"outcome\":\"COMPLAINT_RECORDED\"}");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        scenario.awaitStatus(c.report(), "CLOSED");
        assertThat(as("operateur")
                        .post("/chats/" + c.chat() + "/close", "{\"outcome\":\"REPORT\"}")
                        .status())
                .isEqualTo(200);

        // a conversation that made no report, where the citizen gave an identity of their own
        Identity talker = Identity.fresh();
        long chat = scenario.openChat("Bonjour, ici " + talker.firstName() + " " + talker.lastName() + ", "
                + talker.phone() + ", " + talker.email() + " : quels sont vos horaires ?");
        assertThat(as("operateur").post("/chats/" + chat + "/take", null).status())
                .isEqualTo(200);
        assertThat(as("operateur").get("/chats/" + chat + "/messages").body()).contains(talker.lastName());
        assertThat(as("operateur")
                        .post("/chats/" + chat + "/close", "{\"outcome\":\"INFORMATION\"}")
                        .status())
                .isEqualTo(200);
        List<String> traces = new ArrayList<>(who.traces());
        traces.addAll(talker.traces());
        assertThat(clearCopies(traces)).as("sealed at rest before retention").isEmpty();
        assertThat(as("auditeur")
                        .post("/chats/" + chat + "/unseal", "{\"reason\":\"Vérification\"}")
                        .body())
                .contains(talker.lastName());

        assertThat(as("operateur").post("/retention/run", null).status()).isEqualTo(403);
        assertThat(as("auditeur").post("/retention/run", null).status()).isEqualTo(403);
        assertThat(as("admin").post("/retention/run?now=yesterday", null).status())
                .isEqualTo(400);
        var early = as("admin").post("/retention/run?now=" + Instant.now().plus(Duration.ofDays(300)), null);
        assertThat(early.status()).as(early.toString()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM report WHERE id = " + c.report() + " AND erased_at IS NULL"))
                .as("not before the retention period (P1Y) after closure")
                .isEqualTo(1);

        var run = as("admin").post("/retention/run?now=" + Instant.now().plus(Duration.ofDays(367)), null);
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().getInt("reports")).isGreaterThanOrEqualTo(1);
        assertThat(run.json().getInt("chats")).isGreaterThanOrEqualTo(2);

        assertThat(count("SELECT COUNT(*) FROM data_key WHERE destroyed_at IS NOT NULL AND wrapped_key IS NULL"
                        + " AND ((owner_kind = 'REPORT' AND owner_id = " + c.report() + ") OR (owner_kind = 'CHAT'"
                        + " AND owner_id IN (" + c.chat() + ", " + chat + ")))"))
                .as("every data key of the case is destroyed")
                .isEqualTo(3);
        assertThat(clearCopies(traces))
                .as("no identity in clear in any table after retention")
                .isEmpty();
        assertThat(count("SELECT COUNT(*) FROM report WHERE id = " + c.report()
                        + " AND sealed_original IS NULL AND category = 'HARASSMENT' AND closed_at IS NOT NULL"))
                .as("the pseudonymised history stays")
                .isEqualTo(1);

        var history = as("auditeur").get("/reports/" + c.report());
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().getString("status")).isEqualTo("CLOSED");
        var gone = as("auditeur").post("/reports/" + c.report() + "/unseal", "{\"reason\":\"Contrôle\"}");
        assertThat(gone.status()).as(gone.toString()).isEqualTo(409);
        assertThat(gone.json().getString("error")).isEqualTo("personal_data_erased");
        assertThat(as("superviseur")
                        .post("/chats/" + chat + "/unseal", "{\"reason\":\"Contrôle\"}")
                        .status())
                .isEqualTo(409);

        var again = as("admin").post("/retention/run?now=" + Instant.now().plus(Duration.ofDays(367)), null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM report WHERE id = " + c.report() + " AND erased_at IS NOT NULL"))
                .isEqualTo(1);
    }

    @Test
    void aReportFromThePublicFormIsSealedWithItsStatementWhenForwarded() throws Exception {
        Identity who = Identity.fresh();
        String place = "Impasse " + who.lastName();
        String digits = who.phone().replace(" ", "");
        var form = jakarta.json.Json.createObjectBuilder()
                .add("category", "DAMAGE")
                .add("commune", "Guyancourt")
                .add("postalCode", "78280")
                .add("place", place)
                .add("when", "2026-11-20T21:30")
                .add("narrative", "Voitures rayées chaque nuit, rappelez-moi au " + who.phone() + ".")
                .add("phone", who.phone())
                .add("email", who.email())
                .build()
                .toString();
        var submitted = scenario.anonymous()
                .post(
                        "/citizen/reports",
                        form,
                        "X-Forwarded-For",
                        "10.77." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254)));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String reference = submitted.json().getString("reference");
        long id = as("operateur").get("/reports/from-forms").array().getValuesAs(JsonObject.class).stream()
                .filter(o -> reference.equals(o.getString("reference")))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
        JsonObject statement = as("operateur").get("/reports/" + id).json().getJsonObject("statement");
        assertThat(statement.getString("place")).isEqualTo(place);
        var qualified = as("operateur")
                .put(
                        "/reports/" + id + "/qualification",
                        "{\"category\":\"DAMAGE\",\"communeInsee\":\"78297\",\"factsAt\":\"2026-11-20T20:30:00Z\","
                                + "\"urgency\":\"NORMAL\",\"anonymous\":true,\"narrative\":"
                                + Scenario.json(statement.getString("narrative")) + ",\"reporter\":{\"phone\":\""
                                + who.phone() + "\",\"email\":\"" + who.email() + "\"}}");
        assertThat(qualified.status()).as(qualified.toString()).isEqualTo(200);
        scenario.awaitStatus(id, "IN_REVIEW");
        assertThat(as("operateur").post("/reports/" + id + "/review", "{}").status())
                .isEqualTo(200);
        JsonObject forwarded = scenario.awaitStatus(id, "FORWARDED");
        assertThat(forwarded.getBoolean("sealed"))
                .as("no conversation: sealed at forwarding")
                .isTrue();

        List<String> traces = List.of(place, who.email(), who.phone(), digits, "+33" + digits.substring(1));
        for (String trace : traces) {
            assertThat(as("agent-guyancourt").get("/reports/" + id).body()).doesNotContain(trace);
            assertThat(forwarded.toString()).doesNotContain(trace);
        }
        assertThat(clearCopies(traces)).as("no copy in clear at rest").isEmpty();
        var unsealed = as("auditeur").post("/reports/" + id + "/unseal", "{\"reason\":\"Contrôle interne\"}");
        assertThat(unsealed.status()).as(unsealed.toString()).isEqualTo(200);
        assertThat(unsealed.json().getString("statedPlace")).isEqualTo(place);
        assertThat(unsealed.json().getString("statedNarrative")).contains(who.phone());
        assertThat(unsealed.json().getJsonObject("statedReporter").getString("email"))
                .isEqualTo(who.email());
    }

    @Test
    void aSupervisorUnsealsTheReportFoundWithAReasonOnTheScreen() throws Exception {
        Identity who = Identity.fresh();
        Case c = forwardedAnonymousReport(who);
        assertThat(as("operateur")
                        .post("/chats/" + c.chat() + "/close", "{\"outcome\":\"REPORT\"}")
                        .status())
                .isEqualTo(200);
        String reference =
                as("superviseur").get("/reports/" + c.report()).json().getString("reference");
        WebDriver browser = BrowserIT.chromium("1280,900");
        try {
            browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(server.baseUrl() + "/login.xhtml");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login:username")))
                    .sendKeys("superviseur");
            browser.findElement(By.id("login:password")).sendKeys("superviseur");
            browser.findElement(By.id("login:submit")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("current-user"), "superviseur"));
            browser.get(server.baseUrl() + "/supervisor/rerouting.xhtml");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reportSearch:reference")))
                    .sendKeys(reference);
            browser.findElement(By.id("reportSearch:search")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("seal-state"), "Original scellé"));
            assertThat(browser.getPageSource()).doesNotContain(who.lastName());

            browser.findElement(By.id("reportSearch:unseal")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "motif est obligatoire"));
            assertThat(browser.findElements(By.id("reportSearch:unsealed-narrative")))
                    .isEmpty();

            browser.findElement(By.id("reportSearch:unsealReason")).sendKeys("Demande du parquet <b>urgente</b>");
            browser.findElement(By.id("reportSearch:unseal")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("reportSearch:unsealed-narrative"), who.lastName()));
            assertThat(browser.findElement(By.id("reportSearch:unsealed-reporter"))
                            .getText())
                    .contains(who.lastName(), who.phone(), who.email());
            BrowserIT.screenshot(browser, "supervisor-unseal");
            BrowserIT.assertNoViolationOn(browser);
        } finally {
            browser.quit();
        }
        assertThat(as("auditeur")
                        .get("/reports/" + c.report() + "/reads")
                        .array()
                        .getValuesAs(JsonObject.class))
                .anySatisfy(r -> {
                    assertThat(r.getString("username")).isEqualTo("superviseur");
                    assertThat(r.getString("kind")).isEqualTo("UNSEAL");
                    assertThat(r.getString("reason", null)).isEqualTo("Demande du parquet <b>urgente</b>");
                });
    }

    /**
     * A data key wrapped by the older master key (as before a rotation: rewrapped here by the test, which
     * knows both keys) still opens; the administrator's rewrap moves it to the current key, and it opens.
     */
    @Test
    void aDataKeyWrappedByAnOlderMasterKeyStillOpensAndIsRewrappedWithTheCurrentOne() throws Exception {
        Identity who = Identity.fresh();
        Case c = forwardedAnonymousReport(who);
        assertThat(as("operateur")
                        .post("/chats/" + c.chat() + "/close", "{\"outcome\":\"REPORT\"}")
                        .status())
                .isEqualTo(200);
        MasterKeys masters = MasterKeys.parse(MASTER_KEYS, MASTER_KEY_ID, false);
        String owner = "data_key/REPORT/" + c.report();
        Database.Settings db = TestEnvironment.systemDatabase();
        try (Connection conn = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            String wrapped;
            try (var q = conn.prepareStatement(
                    "SELECT wrapped_key FROM data_key WHERE owner_kind = 'REPORT' AND owner_id = ? AND key_id = ?")) {
                q.setLong(1, c.report());
                q.setString(2, MASTER_KEY_ID);
                try (var r = q.executeQuery()) {
                    assertThat(r.next()).isTrue();
                    wrapped = r.getString(1);
                }
            }
            var dataKey = Envelope.unwrap(masters.current(), wrapped, owner);
            try (var u = conn.prepareStatement(
                    "UPDATE data_key SET key_id = 'it-old', wrapped_key = ? WHERE owner_kind = 'REPORT' AND owner_id = ?")) {
                u.setString(1, Envelope.wrap(masters.byId("it-old").orElseThrow(), dataKey, owner));
                u.setLong(2, c.report());
                assertThat(u.executeUpdate()).isEqualTo(1);
            }
        }
        var old = as("auditeur").post("/reports/" + c.report() + "/unseal", "{\"reason\":\"Rotation\"}");
        assertThat(old.status()).as(old.toString()).isEqualTo(200);
        assertThat(old.json().getString("narrative"))
                .as("the older id still unwraps")
                .contains(who.lastName());

        assertThat(as("superviseur").post("/retention/rewrap", null).status()).isEqualTo(403);
        var rewrapped = as("admin").post("/retention/rewrap", null);
        assertThat(rewrapped.status()).as(rewrapped.toString()).isEqualTo(200);
        assertThat(rewrapped.json().getInt("keys")).isGreaterThanOrEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM data_key WHERE owner_kind = 'REPORT' AND owner_id = " + c.report()
                        + " AND key_id = '" + MASTER_KEY_ID + "'"))
                .isEqualTo(1);
        var current = as("auditeur").post("/reports/" + c.report() + "/unseal", "{\"reason\":\"Rotation\"}");
        assertThat(current.status()).as(current.toString()).isEqualTo(200);
        assertThat(current.json().getString("narrative")).contains(who.lastName());
    }

    /** Every text column of the schema (the engine's tables included) holding one of {@code traces}. */
    private static List<String> clearCopies(List<String> traces) throws SQLException {
        Database.Settings db = TestEnvironment.systemDatabase();
        List<String> found = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            List<String[]> columns = new ArrayList<>();
            try (var s = c.createStatement();
                    var r = s.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                            + " WHERE table_schema = DATABASE() AND data_type IN ('char', 'varchar', 'tinytext',"
                            + " 'text', 'mediumtext', 'longtext', 'tinyblob', 'blob', 'mediumblob', 'longblob',"
                            + " 'binary', 'varbinary', 'json')")) {
                while (r.next()) {
                    columns.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
            assertThat(columns.stream().map(t -> t[0].toLowerCase()))
                    .as("the scan covers the engine's history too")
                    .contains("act_hi_varinst", "act_hi_detail", "act_ge_bytearray", "report", "chat_message");
            for (String[] column : columns) {
                for (String trace : traces) {
                    String sql = "SELECT COUNT(*) FROM `" + column[0] + "` WHERE CAST(`" + column[1]
                            + "` AS CHAR CHARACTER SET utf8mb4) LIKE ?";
                    try (var p = c.prepareStatement(sql)) {
                        p.setString(1, "%" + trace + "%");
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
