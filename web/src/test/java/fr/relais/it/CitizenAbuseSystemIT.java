package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.Database;
import fr.relais.launcher.RelaisServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Abuse of the public endpoints, against the shared server: rate limits per client address and per
 * token (429 with {@code Retry-After}, nothing stored), a chat's messages per minute and total size,
 * idempotency keys on opening and writing (also two retries racing), and a supervisor closing a
 * batch of waiting chats as spam. Each test calls from an address of its own, given in
 * {@code X-Forwarded-For}, which the shared server believes from 127.0.0.1 only ({@link
 * TestEnvironment}); the limits are those {@link TestEnvironment} sets.
 */
class CitizenAbuseSystemIT {
    static final RelaisServer server = TestEnvironment.server();
    static final Scenario scenario = new Scenario(server.baseUrl());
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(4);

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    record Answer(int status, String body, String retryAfter) {
        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** A citizen behind an address of its own (documentation and private ranges, random). */
    record Citizen(String address) {
        static Citizen fresh() {
            var r = ThreadLocalRandom.current();
            return new Citizen("10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255));
        }

        Answer open(String message, String... headers) {
            return send(
                    "POST",
                    "/citizen/chats",
                    "{\"door\":\"REPORT\",\"topic\":\"OTHER_OFFENCE\""
                            + (message == null ? "" : ",\"message\":" + Scenario.json(message)) + "}",
                    headers);
        }

        Answer post(long chat, String token, String text, String... headers) {
            String[] all = new String[headers.length + 2];
            all[0] = "X-Chat-Token";
            all[1] = token;
            System.arraycopy(headers, 0, all, 2, headers.length);
            return send("POST", "/citizen/chats/" + chat + "/messages", "{\"text\":" + Scenario.json(text) + "}", all);
        }

        Answer messages(long chat, String token) {
            return send("GET", "/citizen/chats/" + chat + "/messages", null, "X-Chat-Token", token);
        }

        Answer send(String method, String path, String json, String... headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1" + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json")
                    .header("X-Forwarded-For", address)
                    .method(
                            method,
                            json == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            try {
                HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Answer(
                        response.statusCode(),
                        response.body(),
                        response.headers().firstValue("Retry-After").orElse(null));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void openingsPastTheAddressLimitAreRefused429WithRetryAfterAndStoreNothing() throws Exception {
        Citizen flood = Citizen.fresh();
        List<Long> opened = new ArrayList<>();
        for (int i = 0; i < TestEnvironment.CHATS_PER_ADDRESS; i++) {
            Answer answer = flood.open("Message automatique " + i);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            opened.add(answer.json().getJsonNumber("id").longValue());
        }
        long chatsBefore = count("select count(*) from chat");
        long messagesBefore = count("select count(*) from chat_message");

        // The limit counts per minute of the clock: if the minute turned over during the loop (before it or
        // in its middle), the next openings count in the new minute; open on until the limit refuses one
        Answer refused = flood.open("Encore un");
        for (int i = 0; refused.status() == 201 && i < TestEnvironment.CHATS_PER_ADDRESS; i++) {
            opened.add(refused.json().getJsonNumber("id").longValue());
            chatsBefore = count("select count(*) from chat");
            messagesBefore = count("select count(*) from chat_message");
            refused = flood.open("Encore un " + i);
        }

        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.json().getString("error")).isEqualTo("rate_limited");
        assertThat(refused.json().getString("message")).contains("réessayez");
        assertThat(refused.retryAfter()).isNotNull();
        assertThat(Long.parseLong(refused.retryAfter())).isBetween(1L, 60L);
        assertThat(count("select count(*) from chat")).as("no chat stored").isEqualTo(chatsBefore);
        assertThat(count("select count(*) from chat_message"))
                .as("no message stored")
                .isEqualTo(messagesBefore);

        assertThat(Citizen.fresh().open("Bonjour").status())
                .as("another address is not limited by this one")
                .isEqualTo(201);

        // the flood leaves the queue in one action: no breach raised for it afterwards
        var closed = scenario.as("superviseur").post("/chats/spam", "{\"chatIds\":" + opened + "}");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().getJsonArray("closed")).hasSize(opened.size());
    }

    /**
     * Opens a citizen socket from this address (the handshake only) and closes it: the upgrade's status,
     * 101 when accepted.
     */
    static int upgrade(Citizen citizen, long chatId) throws Exception {
        URI uri = URI.create(server.baseUrl().replaceFirst("^http", "ws") + "/ws/citizen/chats/" + chatId);
        try {
            WebSocket socket = CLIENT.newWebSocketBuilder()
                    .header("X-Forwarded-For", citizen.address())
                    .buildAsync(uri, new WebSocket.Listener() {})
                    .get(10, TimeUnit.SECONDS);
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
            return 101;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    @Test
    void socketUpgradesCountInTheAddressLimitLikeRequests() throws Exception {
        long chat = scenario.openChat("Bonjour");
        // fixed one-minute windows: the whole run must fall in one, else it runs again in the next
        for (int attempt = 1; ; attempt++) {
            Citizen citizen = Citizen.fresh();
            long window = System.currentTimeMillis() / 60_000;
            int upgrades = 5;
            for (int i = 0; i < TestEnvironment.REQUESTS_PER_ADDRESS - upgrades; i++) {
                Answer answer = citizen.send("GET", "/citizen/reports/ABCD-EFGH-JK", null);
                assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
            }
            List<Integer> accepted = new ArrayList<>();
            for (int i = 0; i < upgrades; i++) {
                accepted.add(upgrade(citizen, chat));
            }
            Answer request = citizen.send("GET", "/citizen/reports/ABCD-EFGH-JK", null);
            int refusedUpgrade = upgrade(citizen, chat);
            int otherAddress = upgrade(Citizen.fresh(), chat);
            if (System.currentTimeMillis() / 60_000 != window && attempt < 3) {
                continue;
            }
            assertThat(accepted)
                    .as("the address's last upgrades within its limit")
                    .containsOnly(101);
            assertThat(request.status())
                    .as("the upgrades used up the address's requests of the minute: " + request)
                    .isEqualTo(429);
            assertThat(request.json().getString("error")).isEqualTo("rate_limited");
            assertThat(Long.parseLong(request.retryAfter())).isBetween(1L, 60L);
            assertThat(refusedUpgrade)
                    .as("an upgrade past the limit is refused too")
                    .isEqualTo(429);
            assertThat(otherAddress)
                    .as("another address is not limited by this one")
                    .isEqualTo(101);
            return;
        }
    }

    @Test
    void aChatTakesAtMostItsMessagesPerMinuteFromItsCitizen() throws Exception {
        Citizen citizen = Citizen.fresh();
        Answer opened = citizen.open("Premier message");
        long chat = opened.json().getJsonNumber("id").longValue();
        String token = opened.json().getString("token");

        // the first message counts: the limit is on what the citizen wrote in the last minute
        for (int i = 1; i < TestEnvironment.MESSAGES_PER_CHAT; i++) {
            Answer posted = citizen.post(chat, token, "Message " + i);
            assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        }
        Answer refused = citizen.post(chat, token, "Un de trop");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.json().getString("error")).isEqualTo("rate_limited");
        assertThat(Long.parseLong(refused.retryAfter())).isBetween(1L, 60L);
        assertThat(count("select count(*) from chat_message where chat_id = " + chat))
                .isEqualTo(TestEnvironment.MESSAGES_PER_CHAT);
        assertThat(citizen.messages(chat, token).status())
                .as("reading is still allowed")
                .isEqualTo(200);
    }

    @Test
    void aChatRefusesWhatWouldPassItsTotalSize() throws Exception {
        Citizen citizen = Citizen.fresh();
        Answer opened = citizen.open(null);
        long chat = opened.json().getJsonNumber("id").longValue();
        String token = opened.json().getString("token");
        String block = "a".repeat(4000);

        int accepted = TestEnvironment.CHAT_CHARACTERS / block.length();
        for (int i = 0; i < accepted; i++) {
            Answer posted = citizen.post(chat, token, block);
            assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        }
        Answer refused = citizen.post(chat, token, block);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().getString("error")).isEqualTo("chat_too_large");
        assertThat(count("select count(*) from chat_message where chat_id = " + chat))
                .isEqualTo(accepted);
        assertThat(count("select citizen_characters from chat where id = " + chat))
                .isEqualTo((long) accepted * block.length());
    }

    @Test
    void requestsPastTheTokenLimitAreRefused429() {
        Citizen citizen = Citizen.fresh();
        Answer opened = citizen.open("Bonjour");
        long chat = opened.json().getJsonNumber("id").longValue();
        String token = opened.json().getString("token");

        // fixed one-minute windows: should the minute turn during the loop, the next window fills too
        Answer last = null;
        for (int i = 0; i <= 3 * TestEnvironment.REQUESTS_PER_TOKEN; i++) {
            last = citizen.messages(chat, token);
            if (last.status() == 429) {
                break;
            }
            assertThat(last.status()).as(last.toString()).isEqualTo(200);
        }

        assertThat(last.status()).as(last.toString()).isEqualTo(429);
        assertThat(last.json().getString("error")).isEqualTo("rate_limited");
        assertThat(last.retryAfter()).isNotNull();
        assertThat(citizen.post(chat, token, "Encore là ?").status())
                .as("a write with the same token is refused too")
                .isEqualTo(429);
    }

    @Test
    void aCitizenSocketFloodedPastTheTokenLimitIsClosed() throws Exception {
        Answer opened = Citizen.fresh().open("Bonjour");
        long chat = opened.json().getJsonNumber("id").longValue();
        ChatIT.Socket socket = ChatIT.Socket.connect(chat);
        socket.send(opened.json().getString("token"));
        assertThat(socket.next().getString("type")).isEqualTo("ready");

        try {
            for (int i = 0; i < 3 * TestEnvironment.REQUESTS_PER_TOKEN && !socket.closed.isDone(); i++) {
                socket.send("bonjour");
            }
        } catch (Exception e) {
            // the server closed the socket while frames were still being sent
        }

        assertThat(socket.closeCode()).as("policy violation: rate_limited").isEqualTo(1008);
    }

    @Test
    void aRetriedOpeningWithTheSameKeyReturnsTheSameChatAndAUsableTokenEvenWhenRetriesRace() throws Exception {
        Citizen citizen = Citizen.fresh();
        String key = UUID.randomUUID().toString();
        long chatsBefore = count("select count(*) from chat");

        Answer first = citizen.open("On m'a volé mon vélo.", "Idempotency-Key", key);
        Answer retry = citizen.open("On m'a volé mon vélo.", "Idempotency-Key", key);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        long chat = first.json().getJsonNumber("id").longValue();
        assertThat(retry.json().getJsonNumber("id").longValue()).isEqualTo(chat);
        assertThat(retry.json().getString("token")).isEqualTo(first.json().getString("token"));
        assertThat(citizen.messages(chat, retry.json().getString("token")).status())
                .as("the replayed token opens the chat")
                .isEqualTo(200);
        assertThat(count("select count(*) from chat")).isEqualTo(chatsBefore + 1);
        assertThat(count("select count(*) from chat_message where chat_id = " + chat))
                .isEqualTo(1);

        String racingKey = UUID.randomUUID().toString();
        List<Answer> racing = race(() -> citizen.open("Deux fois le même envoi", "Idempotency-Key", racingKey));
        assertThat(racing)
                .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(201));
        assertThat(racing.get(1).json().getJsonNumber("id"))
                .isEqualTo(racing.get(0).json().getJsonNumber("id"));
        assertThat(racing.get(1).json().getString("token"))
                .isEqualTo(racing.get(0).json().getString("token"));
        assertThat(count("select count(*) from chat")).isEqualTo(chatsBefore + 2);

        Answer reused = citizen.open("Un autre message", "Idempotency-Key", key);
        assertThat(reused.status()).as(reused.toString()).isEqualTo(422);
        assertThat(reused.json().getString("error")).isEqualTo("idempotency_key_reused");
        assertThat(count("select count(*) from chat")).isEqualTo(chatsBefore + 2);

        assertThat(count("select count(*) from idempotency_key where key_hash like '%" + key + "%'"
                        + " or sealed_token like '%" + first.json().getString("token") + "%'"))
                .as("neither the key nor the token is stored in clear")
                .isZero();
        Answer badKey = citizen.open("Bonjour", "Idempotency-Key", "court");
        assertThat(badKey.status()).as(badKey.toString()).isEqualTo(400);
        assertThat(badKey.json().getString("error")).isEqualTo("invalid_idempotency_key");
    }

    @Test
    void aRetriedMessageWithTheSameKeyIsStoredOnceEvenWhenRetriesRace() throws Exception {
        Citizen citizen = Citizen.fresh();
        Answer opened = citizen.open(null);
        long chat = opened.json().getJsonNumber("id").longValue();
        String token = opened.json().getString("token");
        String key = UUID.randomUUID().toString();

        Answer first = citizen.post(chat, token, "Il est parti vers la gare.", "Idempotency-Key", key);
        Answer retry = citizen.post(chat, token, "Il est parti vers la gare.", "Idempotency-Key", key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.json().getJsonNumber("id")).isEqualTo(first.json().getJsonNumber("id"));

        String racingKey = UUID.randomUUID().toString();
        List<Answer> racing = race(() -> citizen.post(chat, token, "Envoyé deux fois", "Idempotency-Key", racingKey));
        assertThat(racing)
                .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(201));
        assertThat(racing.get(1).json().getJsonNumber("id"))
                .isEqualTo(racing.get(0).json().getJsonNumber("id"));
        assertThat(count("select count(*) from chat_message where chat_id = " + chat))
                .isEqualTo(2);

        Answer reused = citizen.post(chat, token, "Autre chose", "Idempotency-Key", key);
        assertThat(reused.status()).as(reused.toString()).isEqualTo(422);
        assertThat(reused.json().getString("error")).isEqualTo("idempotency_key_reused");
        assertThat(count("select count(*) from chat_message where chat_id = " + chat))
                .isEqualTo(2);
    }

    @Test
    void aSupervisorClosesABatchOfWaitingChatsAsSpamOfTheirPlatformOnly() throws Exception {
        Citizen spammer = Citizen.fresh();
        long first = spammer.open("Pub pub pub").json().getJsonNumber("id").longValue();
        long second = spammer.open("Pub pub pub").json().getJsonNumber("id").longValue();
        long taken =
                spammer.open("Une vraie question").json().getJsonNumber("id").longValue();
        Answer vssOpened = spammer.send(
                "POST", "/citizen/chats", "{\"door\":\"VICTIM\",\"topic\":\"SEXUAL_VIOLENCE\",\"message\":\"Pub\"}");
        long vss = vssOpened.json().getJsonNumber("id").longValue();
        assertThat(scenario.as("operateur")
                        .post("/chats/" + taken + "/take", null)
                        .status())
                .isEqualTo(200);
        String batch = "{\"chatIds\":[" + first + "," + second + "," + taken + "," + vss + ",999999999]}";

        var byOperator = scenario.as("operateur").post("/chats/spam", batch);
        assertThat(byOperator.status()).as("operators may not: " + byOperator).isEqualTo(403);
        assertThat(scenario.as("operateur").get("/chats/" + first).json().getString("status"))
                .isEqualTo("WAITING");

        var bySupervisor = scenario.as("superviseur").post("/chats/spam", batch);

        assertThat(bySupervisor.status()).as(bySupervisor.toString()).isEqualTo(200);
        assertThat(bySupervisor.json().getJsonArray("closed").getValuesAs(jakarta.json.JsonNumber.class).stream()
                        .map(jakarta.json.JsonNumber::longValue))
                .containsExactly(first, second);
        assertThat(bySupervisor.json().getJsonArray("refused").getValuesAs(JsonObject.class).stream()
                        .map(r -> r.getJsonNumber("id").longValue() + ":" + r.getString("error")))
                .containsExactlyInAnyOrder(
                        taken + ":chat_not_waiting", vss + ":chat_not_found", "999999999:chat_not_found");
        JsonObject closed = scenario.as("superviseur").get("/chats/" + first).json();
        assertThat(closed.getString("status")).isEqualTo("CLOSED");
        assertThat(closed.getString("outcome")).isEqualTo("SPAM");
        assertThat(scenario.as("operateur").get("/chats").array().getValuesAs(JsonObject.class).stream()
                        .map(c -> c.getJsonNumber("id").longValue()))
                .as("out of the queue")
                .doesNotContain(first, second);
        assertThat(scenario.as("operatrice-vss").get("/chats/" + vss).json().getString("status"))
                .as("another platform's chat is left as it was")
                .isEqualTo("WAITING");
        assertThat(scenario.as("operateur").get("/chats/" + taken).json().getString("status"))
                .isEqualTo("TAKEN");

        // the conversation ends through the model's outcome gateway (an asynchronous job) and keeps no timer
        assertThat(awaitEndEvent(first)).isEqualTo("EndEvent_ClosedAsSpam");
        assertThat(count(
                        "select count(*) from ACT_RU_JOB j join chat c on c.process_instance_id = j.PROCESS_INSTANCE_ID_"
                                + " where c.id = " + first))
                .isZero();

        assertThat(scenario.as("operateur")
                        .post("/chats/" + taken + "/close", "{\"outcome\":\"INFORMATION\"}")
                        .status())
                .isEqualTo(200);
        var empty = scenario.as("superviseur").post("/chats/spam", "{\"chatIds\":[]}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().getString("error")).isEqualTo("invalid_chat_ids");
    }

    private static String awaitEndEvent(long chat) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Connection c = connection();
                    var s = c.createStatement();
                    var r = s.executeQuery("select p.END_ACT_ID_ from ACT_HI_PROCINST p join chat c"
                            + " on c.process_instance_id = p.PROC_INST_ID_ where c.id = " + chat
                            + " and p.END_TIME_ is not null")) {
                if (r.next()) {
                    return r.getString(1);
                }
            }
            Thread.sleep(200);
        }
        return null;
    }

    /** Two calls released at the same instant; their answers. */
    private static List<Answer> race(Callable<Answer> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> futures = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            futures.add(POOL.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> f : futures) {
            answers.add(f.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = connection();
                var s = c.createStatement();
                var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Connection connection() throws SQLException {
        Database.Settings db = TestEnvironment.systemDatabase();
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }
}
