package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.relais.launcher.RelaisServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Delivery to units' own systems on the shared server, over HTTP: an admin gives a unit an endpoint (a
 * fake unit system inside the test, on a free port), a report forwarded to that unit is delivered
 * there, signed, and however the system misbehaves (down, slow, 500, a refusal an admin retries after
 * fixing it) the system ends up with exactly one distinct delivery. Each test uses the departmental
 * gendarmerie of its own department (a small prefecture no other test uses), so that its unit's system
 * receives its reports only.
 */
class DeliverySystemIT {
    /** The read timeout of the test server's deliveries (see {@link TestEnvironment#server()}). */
    static final String READ_TIMEOUT = "PT15S";

    static final RelaisServer server = TestEnvironment.server();
    static final Scenario scenario = new Scenario(server.baseUrl());
    private static final String SECRET = "secret-partage-de-l-unite-de-test";

    static Api as(String user) {
        return scenario.as(user);
    }

    @Test
    void aSystemThatIsDownThenUpReceivesTheReportOnce() throws Exception {
        try (FakeUnitSystem system = new FakeUnitSystem()) {
            system.connect("GENDARMERIE-23");

            long report = forwardedTo("23096", "GENDARMERIE-23"); // Guéret
            JsonObject failed = awaitDelivery(report, d -> d.getInt("attempts") >= 1);
            assertThat(failed.getString("state")).isEqualTo("PENDING");
            assertThat(failed.getString("lastOutcome")).isEqualTo("UNREACHABLE");
            assertThat(system.requests()).isZero();

            system.start();
            makeDeliveryDue(failed.getJsonNumber("id").longValue());
            JsonObject delivered = awaitDelivery(report, d -> "DELIVERED".equals(d.getString("state")));

            assertThat(delivered.getInt("attempts")).isGreaterThanOrEqualTo(2);
            assertThat(delivered.getString("lastOutcome")).isEqualTo("HTTP_200");
            assertThat(delivered.isNull("deliveredAt")).isFalse();
            assertThat(system.distinctKeys()).as("one delivery for the unit").hasSize(1);
            assertThat(system.badSignatures()).isZero();
            JsonObject body = system.bodies().get(0);
            assertThat(body.getJsonNumber("id").longValue()).isEqualTo(report);
            assertThat(body.getString("unitCode")).isEqualTo("GENDARMERIE-23");
            assertThat(body.keySet())
                    .as("the unit's projection only")
                    .contains("reference", "category", "narrative")
                    .doesNotContain("chatId", "operator", "originalNarrative");
        }
    }

    @Test
    void aSystemAnswering500ThenOkReceivesTheReportOnce() throws Exception {
        try (FakeUnitSystem system = new FakeUnitSystem()) {
            system.start();
            system.answer(500);
            system.connect("GENDARMERIE-19");

            long report = forwardedTo("19272", "GENDARMERIE-19"); // Tulle
            JsonObject failed = awaitDelivery(report, d -> d.getInt("attempts") >= 1);
            assertThat(failed.getString("lastOutcome")).isEqualTo("HTTP_500");
            assertThat(failed.getString("state")).as("retried, not given up").isEqualTo("PENDING");

            system.answer(200);
            makeDeliveryDue(failed.getJsonNumber("id").longValue());
            awaitDelivery(report, d -> "DELIVERED".equals(d.getString("state")));

            assertThat(system.requests()).isGreaterThanOrEqualTo(2);
            assertThat(system.distinctKeys())
                    .as("the retry carried the same idempotency key")
                    .hasSize(1);
            assertThat(system.badSignatures()).isZero();
        }
    }

    /**
     * The system takes the report and holds the answer past the read timeout: meanwhile a chat's
     * 2-minute take-in-charge timer falls due and fires while the delivery still waits; then the
     * delivery times out, is retried with the same key, and the system counts one delivery.
     */
    @Test
    void aSlowSystemTimesOutWithoutDelayingATimerAndTheRetryDeliversOnce() throws Exception {
        try (FakeUnitSystem system = new FakeUnitSystem()) {
            system.start();
            system.hold();
            system.connect("GENDARMERIE-48");

            long report = forwardedTo("48095", "GENDARMERIE-48"); // Mende
            assertThat(system.arrived.await(60, TimeUnit.SECONDS))
                    .as("the delivery reached the unit's system")
                    .isTrue();

            long chat = scenario.openChat("Bonjour, personne ne me répond ?");
            makeTakeInChargeTimerDue(chat);
            awaitBreach(chat);
            JsonObject during = delivery(report);
            assertThat(during.getInt("attempts"))
                    .as("the timer fired while the delivery was still waiting for the unit's answer")
                    .isZero();

            JsonObject timedOut = awaitDelivery(report, d -> d.getInt("attempts") >= 1);
            assertThat(timedOut.getString("lastOutcome")).isEqualTo("TIMEOUT");
            system.answer(200);
            makeDeliveryDue(timedOut.getJsonNumber("id").longValue());
            awaitDelivery(report, d -> "DELIVERED".equals(d.getString("state")));

            assertThat(system.requests()).isGreaterThanOrEqualTo(2);
            assertThat(system.distinctKeys()).hasSize(1);
            assertThat(system.badSignatures()).isZero();
        }
    }

    @Test
    void aRefusalIsAnIncidentAtOnceThatAnAdminRetriesAfterTheFix() throws Exception {
        try (FakeUnitSystem system = new FakeUnitSystem()) {
            system.start();
            system.answer(400);
            system.connect("GENDARMERIE-09");

            long report = forwardedTo("09122", "GENDARMERIE-09"); // Foix
            JsonObject failed = awaitDelivery(report, d -> "FAILED".equals(d.getString("state")));
            long id = failed.getJsonNumber("id").longValue();
            assertThat(failed.getInt("attempts"))
                    .as("no retry cycle on a refusal")
                    .isEqualTo(1);
            assertThat(failed.getString("lastOutcome")).isEqualTo("HTTP_400");
            assertThat(failed.isNull("failedSince")).isFalse();

            var list = as("admin").get("/deliveries");
            assertThat(list.status()).as(list.toString()).isEqualTo(200);
            assertThat(list.array().getValuesAs(JsonObject.class))
                    .anySatisfy(d -> {
                        assertThat(d.getJsonNumber("id").longValue()).isEqualTo(id);
                        assertThat(d.getString("state")).isEqualTo("FAILED");
                        assertThat(d.getString("unitCode")).isEqualTo("GENDARMERIE-09");
                    })
                    .allSatisfy(d -> assertThat(d.keySet()).doesNotContain("jobId", "narrative"));
            String screen = adminScreen("/admin/deliveries.xhtml");
            assertThat(screen)
                    .as("the admin's screen of failed deliveries")
                    .contains(failed.getString("reference"), "GENDARMERIE-09", "HTTP_400", "Relancer");
            assertThat(as("operateur")
                            .post("/deliveries/" + id + "/retry", null)
                            .status())
                    .isEqualTo(403);
            assertThat(as("superviseur").get("/deliveries").status()).isEqualTo(403);

            system.answer(200);
            var retried = as("admin").post("/deliveries/" + id + "/retry", null);
            assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
            awaitDelivery(report, d -> "DELIVERED".equals(d.getString("state")));
            assertThat(as("admin").get("/deliveries").array().getValuesAs(JsonObject.class))
                    .noneMatch(d -> d.getJsonNumber("id").longValue() == id);
            var again = as("admin").post("/deliveries/" + id + "/retry", null);
            assertThat(again.status()).as("nothing left to retry").isEqualTo(409);

            assertThat(system.requests()).isEqualTo(2);
            assertThat(system.distinctKeys()).hasSize(1);
            assertThat(system.badSignatures()).isZero();
        }
    }

    @Test
    void everyIncidentOfTheEngineShowsOnOneListAndItsRetryIsRecorded() throws Exception {
        try (FakeUnitSystem system = new FakeUnitSystem()) {
            system.start();
            system.answer(403);
            system.connect("GENDARMERIE-48");

            long report = forwardedTo("48095", "GENDARMERIE-48"); // Mende
            awaitDelivery(report, d -> "FAILED".equals(d.getString("state")));
            JsonObject incident = as("admin").get("/incidents").array().getValuesAs(JsonObject.class).stream()
                    .filter(i -> i.containsKey("reportId")
                            && !i.isNull("reportId")
                            && i.getJsonNumber("reportId").longValue() == report)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no incident listed for report " + report));
            assertThat(incident.getString("processKey")).isEqualTo("Delivery");
            assertThat(incident.getString("type")).isEqualTo("failedJob");
            assertThat(incident.getString("message")).contains("403");
            assertThat(incident.getString("reference")).isNotBlank();
            String screen = adminScreen("/admin/incidents.xhtml");
            assertThat(screen)
                    .as("the admin's screen of every incident")
                    .contains(incident.getString("reference"), incident.getString("activityId"), "Relancer");

            String id = incident.getString("id");
            for (String other : new String[] {"operateur", "superviseur", "auditeur", "agent-guyancourt"}) {
                assertThat(as(other).get("/incidents").status()).as(other).isEqualTo(403);
                assertThat(as(other).post("/incidents/" + id + "/retry", "{}").status())
                        .as(other)
                        .isEqualTo(403);
            }
            var tooLong = as("admin").post("/incidents/" + id + "/retry", "{\"note\":\"" + "x".repeat(1001) + "\"}");
            assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);

            system.answer(200);
            var retried = as("admin").post("/incidents/" + id + "/retry", "{\"note\":\"Jeton de l'unité corrigé.\"}");
            assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
            assertThat(retried.json().getString("retriedBy")).isEqualTo("admin");
            awaitDelivery(report, d -> "DELIVERED".equals(d.getString("state")));
            assertThat(as("admin").get("/incidents").array().getValuesAs(JsonObject.class))
                    .noneMatch(i -> i.getString("id").equals(id));
            assertThat(as("admin").get("/incidents/retries").array().getValuesAs(JsonObject.class))
                    .anySatisfy(r -> {
                        assertThat(r.getString("incidentId")).isEqualTo(id);
                        assertThat(r.getJsonNumber("reportId").longValue()).isEqualTo(report);
                        assertThat(r.getString("note")).isEqualTo("Jeton de l'unité corrigé.");
                        assertThat(r.getString("failure")).contains("403");
                    });
            var again = as("admin").post("/incidents/" + id + "/retry", "{}");
            assertThat(again.status()).as("gone once resolved").isEqualTo(404);
            assertThat(system.distinctKeys()).hasSize(1);
        }
    }

    @Test
    void onlyAdminsSetAnEndpointAValidHttpUrlAndNobodyReadsTheSecretBack() {
        String unit = "GENDARMERIE-04";
        String body = "{\"url\":\"https://unite.example/relais\",\"secret\":" + Scenario.json(SECRET) + "}";
        assertThat(as("operateur").put("/units/" + unit + "/endpoint", body).status())
                .isEqualTo(403);
        assertThat(as("agent-guyancourt")
                        .put("/units/" + unit + "/endpoint", body)
                        .status())
                .isEqualTo(403);
        assertRefused(
                as("admin")
                        .put(
                                "/units/" + unit + "/endpoint",
                                "{\"url\":\"ftp://unite.example/\",\"secret\":" + Scenario.json(SECRET) + "}"),
                400,
                "invalid_url");
        assertRefused(
                as("admin")
                        .put(
                                "/units/" + unit + "/endpoint",
                                "{\"url\":\"https://unite.example/\",\"secret\":\"court\"}"),
                400,
                "invalid_secret");
        assertRefused(as("admin").put("/units/NOPE/endpoint", body), 404, "unit_not_found");

        var set = as("admin").put("/units/" + unit + "/endpoint", body);
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        var read = as("admin").get("/units/" + unit + "/endpoint");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().getString("url")).isEqualTo("https://unite.example/relais");
        assertThat(read.json().getBoolean("secretSet")).isTrue();
        assertThat(read.body()).doesNotContain(SECRET);
        assertThat(set.body()).doesNotContain(SECRET);

        var changed = as("admin").put("/units/" + unit + "/endpoint", "{\"url\":\"http://unite.example/v2\"}");
        assertThat(changed.status()).as("the secret is kept").isEqualTo(200);
        assertThat(as("admin")
                        .send("DELETE", "/units/" + unit + "/endpoint", null)
                        .status())
                .isEqualTo(204);
        assertThat(as("admin").get("/units/" + unit + "/endpoint").status()).isEqualTo(404);
    }

    // --- steps ---

    static void setEndpoint(String unit, String url) {
        var set = as("admin")
                .put(
                        "/units/" + unit + "/endpoint",
                        "{\"url\":" + Scenario.json(url) + ",\"secret\":" + Scenario.json(SECRET) + "}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
    }

    /** A theft in the commune, qualified, reviewed and forwarded to {@code unit}; its id. */
    static long forwardedTo(String insee, String unit) {
        long chat = scenario.openChat("Bonjour, je voudrais signaler un vol.");
        assertThat(as("operateur").post("/chats/" + chat + "/take", null).status())
                .isEqualTo(200);
        var created = as("operateur").post("/chats/" + chat + "/report", null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().getJsonNumber("id").longValue();
        var qualified = as("operateur")
                .put(
                        "/reports/" + id + "/qualification",
                        "{\"category\":\"THEFT\",\"urgency\":\"NORMAL\",\"communeInsee\":\"" + insee + "\""
                                + ",\"factsAt\":\"2026-11-20T21:00:00Z\",\"anonymous\":true,"
                                + "\"narrative\":\"Vol de vélo devant la mairie.\"}");
        assertThat(qualified.status()).as(qualified.toString()).isEqualTo(200);
        scenario.awaitStatus(id, "IN_REVIEW");
        var reviewed = as("operateur").post("/reports/" + id + "/review", "{}");
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
        assertThat(scenario.awaitStatus(id, "FORWARDED").getString("unitCode")).isEqualTo(unit);
        return id;
    }

    /** The report's one delivery, as the admin sees it. */
    static JsonObject delivery(long report) {
        var reply = as("admin").get("/deliveries?reportId=" + report);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        var all = reply.array().getValuesAs(JsonObject.class);
        assertThat(all).as("one delivery per forwarding").hasSize(1);
        return all.get(0);
    }

    static JsonObject awaitDelivery(long report, Predicate<JsonObject> reached) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonObject last;
        do {
            last = delivery(report);
            if (reached.test(last)) {
                return last;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("delivery of report " + report + " not as expected within 60 s: " + last);
    }

    /** The retry cycle's next attempt, now (no waiting 10 s or more). */
    static void makeDeliveryDue(long deliveryId) throws Exception {
        try (Connection c = database();
                PreparedStatement due = c.prepareStatement("update ACT_RU_JOB j join ACT_RU_EXECUTION e"
                        + " on e.PROC_INST_ID_ = j.PROCESS_INSTANCE_ID_ and e.ID_ = e.PROC_INST_ID_"
                        + " set j.DUEDATE_ = timestampadd(SECOND, -1, utc_timestamp())"
                        + " where e.BUSINESS_KEY_ = ? and j.PROCESS_DEF_KEY_ = 'Delivery'")) {
            due.setString(1, String.valueOf(deliveryId));
            assertThat(due.executeUpdate()).as("the delivery's job").isEqualTo(1);
        }
    }

    /** The chat's 2-minute take-in-charge timer, due now. */
    static void makeTakeInChargeTimerDue(long chat) throws Exception {
        try (Connection c = database();
                PreparedStatement due = c.prepareStatement("update ACT_RU_JOB j join ACT_RU_EXECUTION e"
                        + " on e.PROC_INST_ID_ = j.PROCESS_INSTANCE_ID_ and e.ID_ = e.PROC_INST_ID_"
                        + " set j.DUEDATE_ = timestampadd(SECOND, -1, utc_timestamp())"
                        + " where e.BUSINESS_KEY_ = ? and j.PROCESS_DEF_KEY_ = 'Conversation'"
                        + " and j.HANDLER_CFG_ like '%Timer_TakeChatBreach%'")) {
            due.setString(1, String.valueOf(chat));
            assertThat(due.executeUpdate())
                    .as("the chat's take-in-charge timer")
                    .isEqualTo(1);
        }
    }

    static void awaitBreach(long chat) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            try (Connection c = database();
                    PreparedStatement count = c.prepareStatement(
                            "select count(*) from sla_breach where chat_id = ? and step = 'TAKE_CHAT'")) {
                count.setLong(1, chat);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the take-in-charge timer of chat " + chat + " did not fire within 60 s");
    }

    /** A screen as the admin sees it after a form login. */
    static String adminScreen(String path) throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        String loginPage = page(browser, server.baseUrl() + "/login.xhtml");
        Matcher viewState = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"")
                .matcher(loginPage);
        assertThat(viewState.find()).as("the login form").isTrue();
        String form = Map.of(
                        "login", "login",
                        "login:username", "admin",
                        "login:password", "admin",
                        "login:submit", "",
                        "jakarta.faces.ViewState", viewState.group(1))
                .entrySet()
                .stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        browser.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/login.xhtml"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return page(browser, server.baseUrl() + path);
    }

    private static String page(HttpClient client, String url) throws Exception {
        HttpResponse<String> response =
                client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    static void assertRefused(Api.Reply reply, int status, String error) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.json().getString("error")).isEqualTo(error);
    }

    static Connection database() throws Exception {
        var db = TestEnvironment.systemDatabase();
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    /**
     * A unit's system, played by the JDK's HTTP server on a free port: down until started; answers a
     * given status, or holds each request until closed; checks every signature and keeps the distinct
     * idempotency keys of the deliveries it took in (a key it has seen is answered as done, not taken
     * twice).
     */
    static final class FakeUnitSystem implements AutoCloseable {
        private final int port;
        private final ExecutorService threads = Executors.newCachedThreadPool();
        private final Set<String> keys = ConcurrentHashMap.newKeySet();
        private final List<JsonObject> bodies = new CopyOnWriteArrayList<>();
        private final AtomicInteger requests = new AtomicInteger();
        private final AtomicInteger badSignatures = new AtomicInteger();
        private final CountDownLatch released = new CountDownLatch(1);
        final CountDownLatch arrived = new CountDownLatch(1);
        private volatile int status = 200;
        private volatile boolean holding;
        private HttpServer http;
        private String unit;

        FakeUnitSystem() throws IOException {
            this.port = TestEnvironment.freePort();
        }

        String url() {
            return "http://127.0.0.1:" + port + "/relais/signalements";
        }

        void start() throws IOException {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
            http.setExecutor(threads);
            http.createContext("/relais/signalements", this::receive);
            http.start();
        }

        /** The admin gives {@code unit} this system as its endpoint; closing the system removes it. */
        void connect(String unit) {
            setEndpoint(unit, url());
            this.unit = unit;
        }

        void answer(int status) {
            this.status = status;
            this.holding = false;
        }

        /** From now on, each request is taken in and its answer held until the system closes. */
        void hold() {
            this.holding = true;
        }

        private void receive(HttpExchange exchange) throws IOException {
            try (exchange;
                    InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                requests.incrementAndGet();
                String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                String timestamp = exchange.getRequestHeaders().getFirst("X-Relais-Timestamp");
                String signature = exchange.getRequestHeaders().getFirst("X-Relais-Signature");
                if (key == null || timestamp == null || !signedBySecret(timestamp, body, signature)) {
                    badSignatures.incrementAndGet();
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                int answer = status;
                boolean hold = holding;
                if (answer / 100 == 2 || hold) {
                    // taken in (a real system stores it before answering); a key seen before is a retry
                    if (keys.add(key)) {
                        try (var reader = Json.createReader(new StringReader(body))) {
                            bodies.add(reader.readObject());
                        }
                    }
                }
                if (hold) {
                    arrived.countDown();
                    released.await(60, TimeUnit.SECONDS);
                    answer = 200;
                }
                exchange.sendResponseHeaders(answer, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the caller gave up (a timeout): nothing to answer to
            }
        }

        /** The signature recomputed here, independently of Relais's code. */
        private static boolean signedBySecret(String timestamp, String body, String signature) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                String expected = "sha256="
                        + HexFormat.of()
                                .formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
                return signature != null
                        && MessageDigest.isEqual(
                                expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                return false;
            }
        }

        int requests() {
            return requests.get();
        }

        Set<String> distinctKeys() {
            return Set.copyOf(keys);
        }

        List<JsonObject> bodies() {
            return List.copyOf(bodies);
        }

        int badSignatures() {
            return badSignatures.get();
        }

        @Override
        public void close() {
            released.countDown();
            if (unit != null) {
                as("admin").send("DELETE", "/units/" + unit + "/endpoint", null);
            }
            if (http != null) {
                http.stop(0);
            }
            threads.shutdownNow();
        }
    }
}
