package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.health.EndpointFilter;
import fr.relais.launcher.Database;
import fr.relais.launcher.RelaisServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Scale-out: two instances of Relais, started by the launcher's recipe on one fresh database and
 * clustered explicitly (tcpip, loopback members, a cluster name of this run), both booting at once.
 * Once each says its cluster has two members, a citizen connected to instance A and an operator
 * working on instance B talk live: 100 messages each way arrive in order, once, carried by the data
 * grid (nothing polls the database). Latencies are figures, printed and written to {@code
 * target/cluster-latencies.md} (README "Scaling out"), not asserted: the bound below only says a message
 * arrived at all, and a loaded CI machine took 1.4 s for one where a quiet one takes under 0.2 s. Last, instance A
 * is killed: an operator who worked on A goes on on B with the same session cookie, still logged in, and
 * the screen's state (the conversation open, the reply being typed) is still there, kept by the data grid.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterSystemIT {
    static final int MESSAGES = 100;
    static final Duration WITHIN = Duration.ofSeconds(15);
    static final String OPERATOR = "operateur";

    static RelaisServer a;
    static RelaisServer b;
    /** nginx with the compose file's configuration, in front of A (route relais-1) and B (relais-2). */
    static Balancer balancer;

    @BeforeAll
    static void twoInstancesOfOneCluster() throws Exception {
        Database.Settings database = TestEnvironment.provision("cluster", true);
        int gridA = TestEnvironment.freePort();
        int gridB = TestEnvironment.freePort();
        String cluster = "relais-it-" + UUID.randomUUID();
        String members = "127.0.0.1:" + gridA + ",127.0.0.1:" + gridB;
        Map<String, String> settingsA = new LinkedHashMap<>(database.asProperties());
        settingsA.put(EndpointFilter.OPEN, "false");
        // 100 messages each way in a few seconds from one address and one token: above the citizens'
        // limits, which CitizenAbuseSystemIT tests; the operator holds chats beyond the default cap
        settingsA.put("RELAIS_LIMIT_REQUESTS_PER_ADDRESS_PER_MINUTE", "0");
        settingsA.put("RELAIS_LIMIT_CHATS_PER_ADDRESS_PER_MINUTE", "0");
        settingsA.put("RELAIS_LIMIT_REQUESTS_PER_TOKEN_PER_MINUTE", "0");
        settingsA.put("RELAIS_LIMIT_MESSAGES_PER_CHAT_PER_MINUTE", "0");
        settingsA.put("RELAIS_OPERATOR_MAX_CHATS", "1000");
        // on an empty database one instance alone loads the demo accounts (both would race on them)
        Map<String, String> settingsB = new LinkedHashMap<>(settingsA);
        settingsB.put("RELAIS_DEMO", "false");
        Path war = Path.of(System.getProperty("relais.war"));
        a = new RelaisServer(
                        war, TestEnvironment.buildDir().resolve("cluster-a"), TestEnvironment.freePort(), settingsA)
                .cluster(cluster, members, gridA)
                .jvmRoute("relais-1");
        b = new RelaisServer(
                        war, TestEnvironment.buildDir().resolve("cluster-b"), TestEnvironment.freePort(), settingsB)
                .cluster(cluster, members, gridB)
                .jvmRoute("relais-2");

        CompletableFuture<Void> startingA = CompletableFuture.runAsync(() -> start(a));
        CompletableFuture<Void> startingB = CompletableFuture.runAsync(() -> start(b));
        CompletableFuture.allOf(startingA, startingB).get(16, TimeUnit.MINUTES);

        assertThat(awaitMembers(a, 2))
                .as("members seen by A (log: %s)", a.log())
                .isEqualTo(2);
        assertThat(awaitMembers(b, 2))
                .as("members seen by B (log: %s)", b.log())
                .isEqualTo(2);
        balancer = Balancer.start(
                TestEnvironment.buildDir().resolve("cluster-nginx"),
                TestEnvironment.freePort(),
                "127.0.0.1:" + URI.create(a.baseUrl()).getPort(),
                "127.0.0.1:" + URI.create(b.baseUrl()).getPort());
    }

    @AfterAll
    static void stop() throws Exception {
        if (balancer != null) {
            balancer.close();
        }
        CompletableFuture<Void> stoppingA = CompletableFuture.runAsync(() -> stop(a));
        CompletableFuture<Void> stoppingB = CompletableFuture.runAsync(() -> stop(b));
        CompletableFuture.allOf(stoppingA, stoppingB).get(2, TimeUnit.MINUTES);
    }

    @Test
    @Order(1)
    void aCitizenOnOneInstanceAndAnOperatorOnTheOtherTalkLiveInOrderWithinASecond() throws Exception {
        Scenario onA = new Scenario(a.baseUrl());
        Scenario onB = new Scenario(b.baseUrl());
        var opened = onA.anonymous()
                .post(
                        "/citizen/chats",
                        "{\"door\":\"VICTIM\",\"topic\":\"THEFT\",\"message\":\"Bonjour, on m'a volé mon sac.\"}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        long chat = opened.json().getJsonNumber("id").longValue();
        String token = opened.json().getString("token");
        assertThat(onB.as(OPERATOR).post("/chats/" + chat + "/take", null).status())
                .isEqualTo(200);

        Socket citizenOnA = Socket.citizen(a, chat, token);
        // a second connection of the citizen on the publishing instance: it must get each message once
        Socket citizenOnB = Socket.citizen(b, chat, token);
        Socket consoleOnB = Socket.console(b, OPERATOR);

        // the operator writes on B; the citizen's socket on A gets each message
        long[] sentAt = new long[MESSAGES];
        for (int i = 0; i < MESSAGES; i++) {
            sentAt[i] = System.nanoTime();
            var posted = onB.as(OPERATOR).post("/chats/" + chat + "/messages", "{\"text\":\"Agent " + i + "\"}");
            assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        }
        List<Socket.Received> toCitizen = citizenOnA.take(MESSAGES);
        assertThat(toCitizen)
                .extracting(r -> Json.createReader(new StringReader(r.text()))
                        .readObject()
                        .getString("text"))
                .as("in the order written")
                .containsExactlyElementsOf(texts("Agent "));
        long[] operatorToCitizen = latencies(sentAt, toCitizen);
        assertThat(citizenOnB.take(MESSAGES))
                .as("once each on the publishing instance")
                .hasSize(MESSAGES);

        // the citizen writes on A; the operator's console on B is told of each message
        for (int i = 0; i < MESSAGES; i++) {
            sentAt[i] = System.nanoTime();
            var posted = onA.anonymous()
                    .post(
                            "/citizen/chats/" + chat + "/messages",
                            "{\"text\":\"Citoyen " + i + "\"}",
                            "X-Chat-Token",
                            token);
            assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        }
        List<Socket.Received> toOperator = consoleOnB.take(MESSAGES);
        // the staff's socket sends the name of the channel that changed, no content
        assertThat(toOperator).extracting(Socket.Received::text).containsOnly("operator");
        long[] citizenToOperator = latencies(sentAt, toOperator);
        var transcript = onB.as(OPERATOR).get("/chats/" + chat + "/messages");
        assertThat(transcript.array().getValuesAs(JsonObject.class))
                .extracting(m -> m.getString("text"))
                .filteredOn(text -> text.startsWith("Citoyen "))
                .as("what the console reloads, in the order written")
                .containsExactlyElementsOf(texts("Citoyen "));

        // the citizen's own messages come back on each of their sockets, once, in order
        for (Socket citizen : List.of(citizenOnA, citizenOnB)) {
            assertThat(citizen.take(MESSAGES))
                    .extracting(r -> Json.createReader(new StringReader(r.text()))
                            .readObject()
                            .getString("text"))
                    .containsExactlyElementsOf(texts("Citoyen "));
        }
        Thread.sleep(500);
        assertThat(citizenOnA.received).as("nothing delivered twice").isEmpty();
        assertThat(citizenOnB.received).as("nothing delivered twice").isEmpty();
        assertThat(consoleOnB.received).as("nothing delivered twice").isEmpty();
        citizenOnA.close();
        citizenOnB.close();
        consoleOnB.close();

        String report = "| direction | messages | p50 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|\n"
                + row("operator on B → citizen's socket on A", operatorToCitizen)
                + row("citizen on A → operator's console push on B", citizenToOperator);
        System.out.println("Cross-instance delivery, from the sender's request to the push:\n" + report);
        Files.writeString(TestEnvironment.buildDir().resolve("cluster-latencies.md"), report);
        assertThat(Arrays.stream(operatorToCitizen).max().orElseThrow())
                .as("each arrived (within 15 s):\n" + report)
                .isLessThan(WITHIN.toMillis());
        assertThat(Arrays.stream(citizenToOperator).max().orElseThrow())
                .as("each arrived (within 15 s):\n" + report)
                .isLessThan(WITHIN.toMillis());
        assertThat(relayed(a)).as("A fired B's events").isGreaterThanOrEqualTo(MESSAGES);
        assertThat(relayed(b)).as("B fired A's events").isGreaterThanOrEqualTo(MESSAGES);
    }

    /**
     * An operator works through the load balancer (nginx with the compose file's configuration): logs
     * in by the form, opens a conversation on the console and types a reply without sending it. Every
     * request of the session goes to the instance whose route its id carries; that instance is killed
     * (SIGKILL); the next postback, through the same balancer, is answered by the other instance, which
     * finds the operator logged in and the same view: the conversation still open and the draft reply
     * still in its box; a new page and the console's live socket work there too. Last: it kills one
     * instance.
     */
    @Test
    @Order(2)
    void anOperatorWhoseInstanceDiesStaysLoggedInOnTheOtherWithTheFormKept() throws Exception {
        Scenario onA = new Scenario(a.baseUrl());
        String firstMessage = "Bonjour, session " + UUID.randomUUID();
        long chat = onA.openChat(firstMessage);
        String operator = "operateur2";
        assertThat(onA.as(operator).post("/chats/" + chat + "/take", null).status())
                .isEqualTo(200);

        CookieManager cookies = new CookieManager();
        HttpClient browser = Socket.browser(cookies);
        String front = balancer.baseUrl();
        Socket.login(browser, front, operator);
        String console = Socket.get(browser, front + "/operator/tasks.xhtml");
        String open = showMessagesButton(console, chat);
        String draft = "Brouillon " + UUID.randomUUID();
        // "show the messages" of this conversation, and the draft typed in the reply box: one postback
        // of the console's form, as the browser would send them (no Ajax: the whole page comes back)
        String opened = Socket.post(
                browser,
                front + "/operator/tasks.xhtml",
                Map.of("tasks", "tasks", open, "", "jakarta.faces.ViewState", Socket.viewState(console)),
                console);
        assertThat(opened).as("the conversation opened").contains(firstMessage);
        String withDraft = Socket.post(
                browser,
                front + "/operator/tasks.xhtml",
                Map.of("tasks", "tasks", "tasks:reply", draft, "jakarta.faces.ViewState", Socket.viewState(opened)),
                opened);
        assertThat(withDraft).as("the draft kept").contains(draft);
        String session = sessionCookie(cookies);

        // the balancer keeps the session where it was made: on the instance whose route ends its id
        RelaisServer home = session.endsWith(".relais-1") ? a : session.endsWith(".relais-2") ? b : null;
        assertThat(home)
                .as("an instance's route at the end of the session id %s", session)
                .isNotNull();
        RelaisServer other = home == a ? b : a;
        assertThat(balancer.awaitLines(line -> line.endsWith(" " + session), 3))
                .as("every request of the session went to its instance")
                .allMatch(line -> line.contains(" " + address(home) + " "));

        home.kill();
        long killed = System.nanoTime();

        // the next postback of the same page, through the same balancer
        String onOther = Socket.post(
                browser,
                front + "/operator/tasks.xhtml",
                Map.of("tasks", "tasks", "jakarta.faces.ViewState", Socket.viewState(withDraft)),
                withDraft);
        long firstAnswer = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
        assertThat(onOther)
                .as("still logged in, the same view (not expired), the conversation open, the draft kept")
                .doesNotContain("login:password")
                .contains(firstMessage)
                .contains(draft);
        // the one request nginx tried on both: the dead instance first, then the other one
        String failover = balancer.awaitLines(line -> line.contains(address(home) + ", "), 1)
                .get(0);
        assertThat(failover)
                .as("the postback: the dead instance tried, the other one answered")
                .startsWith("POST /operator/tasks.xhtml ")
                .endsWith(" " + address(other) + " " + session);
        // Payara gave the session the surviving instance's route: the balancer now sends it there first
        String route = other == a ? ".relais-1" : ".relais-2";
        String sessionAfter = sessionCookie(cookies);
        assertThat(sessionAfter).as("the session's route after the failover").endsWith(route);
        String page = Socket.get(browser, front + "/operator/tasks.xhtml");
        assertThat(page)
                .as("a new page of the console, through the balancer")
                .contains("tasks:mine")
                .doesNotContain("login:password");
        assertThat(balancer.awaitLines(line -> line.endsWith(" " + sessionAfter), 1)
                        .get(0))
                .as("that page went straight to the surviving instance")
                .isEqualTo("GET /operator/tasks.xhtml HTTP/1.1 200 " + address(other) + " " + sessionAfter);
        // the console's live link, through the balancer: the handshake is authenticated by the session
        // the other instance read from the grid
        Socket live = Socket.connect(
                browser, URI.create(front.replaceFirst("^http", "ws") + "/ws/staff?operator=" + operator));
        Socket.Received ready = live.received.poll(10, TimeUnit.SECONDS);
        assertThat(ready)
                .as("the staff socket granted the operator channel after the failover")
                .isNotNull();
        assertThat(ready.text()).isEqualTo("ready");
        live.close();

        String report = "Through nginx (docker/nginx.conf): the session's instance (" + session.replaceAll(".*\\.", "")
                + ") killed (SIGKILL, process gone) → the other instance's answer to the postback with its session"
                + " and view state: " + firstAnswer + " ms; balancer log: `" + failover.replace(session, "<session>")
                + "`; the session's route then: " + route.substring(1) + "\n";
        System.out.println("Failover: " + report);
        Files.writeString(TestEnvironment.buildDir().resolve("cluster-failover.md"), report);
    }

    private static String sessionCookie(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(java.net.HttpCookie::getValue)
                .findFirst()
                .orElseThrow();
    }

    private static String address(RelaisServer server) {
        return "127.0.0.1:" + URI.create(server.baseUrl()).getPort();
    }

    /** The client id of the "messages" button of {@code chat}'s row in the console's table of held conversations. */
    private static String showMessagesButton(String console, long chat) {
        int table = console.indexOf("id=\"tasks:mine\"");
        assertThat(table).as("the held conversations' table in:\n" + console).isNotNegative();
        String rest = console.substring(table);
        for (String row : rest.split("<tr")) {
            Matcher cell = Pattern.compile("<td[^>]*>(?:<[^>]+>)*\\s*" + chat + "\\s*<")
                    .matcher(row);
            Matcher button = Pattern.compile(
                            "id=\"(tasks:mine:\\d+:[^\"]+)\"[^>]*show-messages|show-messages[^>]*id=\"(tasks:mine:\\d+:[^\"]+)\"")
                    .matcher(row);
            if (cell.find() && button.find()) {
                return button.group(1) != null ? button.group(1) : button.group(2);
            }
        }
        throw new AssertionError("no messages button for chat " + chat + " in:\n" + rest);
    }

    private static List<String> texts(String prefix) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            texts.add(prefix + i);
        }
        return texts;
    }

    private static long[] latencies(long[] sentAt, List<Socket.Received> received) {
        long[] ms = new long[received.size()];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = TimeUnit.NANOSECONDS.toMillis(received.get(i).at() - sentAt[i]);
        }
        return ms;
    }

    private static String row(String direction, long[] ms) {
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        return String.format(
                Locale.ROOT,
                "| %s | %d | %d | %d | %d |%n",
                direction,
                sorted.length,
                sorted[(int) Math.ceil(0.50 * sorted.length) - 1],
                sorted[(int) Math.ceil(0.99 * sorted.length) - 1],
                sorted[sorted.length - 1]);
    }

    /** The data of the {@code relais-cluster} check in {@code /health/ready} (asked from the machine itself). */
    private static JsonObject clusterCheck(RelaisServer server) {
        String reply;
        try {
            reply = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/health/ready"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        try (var reader = Json.createReader(new StringReader(reply))) {
            return reader.readObject().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .filter(check -> check.getString("name").equals("relais-cluster"))
                    .findFirst()
                    .map(check -> check.getJsonObject("data"))
                    .orElseThrow(() -> new AssertionError("no relais-cluster check: " + reply));
        }
    }

    private static int awaitMembers(RelaisServer server, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int members;
        do {
            members = (int) number(clusterCheck(server), "members");
            if (members == expected) {
                return members;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        return members;
    }

    private static long relayed(RelaisServer server) {
        return number(clusterCheck(server), "chatEventsRelayed");
    }

    /** A figure of a check's data: Payara's health endpoint writes some numbers as strings. */
    private static long number(JsonObject data, String name) {
        return Long.parseLong(data.get(name).toString().replace("\"", ""));
    }

    private static void start(RelaisServer server) {
        try {
            server.start(Duration.ofMinutes(15));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void stop(RelaisServer server) {
        try {
            if (server != null) {
                server.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A WebSocket whose every text message is kept with the instant (nanoTime) it arrived. */
    static final class Socket implements WebSocket.Listener {
        record Received(String text, long at) {}

        private static final Pattern VIEW_STATE =
                Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"");
        private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
        private static final Pattern OPERATOR_CHANNEL = Pattern.compile("data-operator=\"([^\"]+)\"");

        final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        /** The citizen's socket of the chat page, on {@code server}: the token first, then "ready". */
        static Socket citizen(RelaisServer server, long chat, String token) throws Exception {
            Socket socket = connect(
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                    URI.create(server.baseUrl().replaceFirst("^http", "ws") + "/ws/citizen/chats/" + chat));
            socket.socket.sendText(token, true).get(10, TimeUnit.SECONDS);
            Received ready = socket.received.poll(10, TimeUnit.SECONDS);
            assertThat(ready).as("the socket accepted the token").isNotNull();
            assertThat(ready.text()).contains("ready");
            return socket;
        }

        /**
         * The staff's socket of an operator's console on {@code server}, as the tasks page opens it: a
         * form login, the page (which names its channels), then the socket with the session cookie;
         * the server answers "ready" once the channels are granted.
         */
        static Socket console(RelaisServer server, String user) throws Exception {
            HttpClient browser = browser(new CookieManager());
            login(browser, server.baseUrl(), user);
            String tasks = get(browser, server.baseUrl() + "/operator/tasks.xhtml");
            Matcher channel = OPERATOR_CHANNEL.matcher(tasks);
            assertThat(channel.find())
                    .as("the console's operator channel in:\n" + tasks)
                    .isTrue();
            Socket socket = connect(
                    browser,
                    URI.create(server.baseUrl().replaceFirst("^http", "ws") + "/ws/staff?operator="
                            + URLEncoder.encode(channel.group(1), StandardCharsets.UTF_8)));
            Received ready = socket.received.poll(10, TimeUnit.SECONDS);
            assertThat(ready).as("the socket granted the operator channel").isNotNull();
            assertThat(ready.text()).isEqualTo("ready");
            return socket;
        }

        static HttpClient browser(CookieManager cookies) {
            return HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
        }

        static String viewState(String page) {
            Matcher viewState = VIEW_STATE.matcher(page);
            assertThat(viewState.find()).as("a view state in:\n" + page).isTrue();
            return viewState.group(1);
        }

        /** A form's postback; PrimeFaces' CSP nonce of {@code page} goes with it, as its scripts send it. */
        static String post(HttpClient browser, String url, Map<String, String> fields, String page) throws Exception {
            Map<String, String> form = new LinkedHashMap<>(fields);
            Matcher nonce = NONCE.matcher(page);
            if (nonce.find()) {
                form.put("primefaces.nonce", nonce.group(1));
            }
            HttpResponse<String> response = browser.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response.body();
        }

        private static String encode(Map<String, String> form) {
            return form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }

        /** A form login at {@code baseUrl}; the session cookie stays in the client's cookie store. */
        static void login(HttpClient browser, String baseUrl, String user) throws Exception {
            String loginPage = get(browser, baseUrl + "/login.xhtml");
            Matcher viewState = VIEW_STATE.matcher(loginPage);
            assertThat(viewState.find()).as("the login form").isTrue();
            String form = Map.of(
                            "login",
                            "login",
                            "login:username",
                            user,
                            "login:password",
                            user,
                            "login:submit",
                            "",
                            "jakarta.faces.ViewState",
                            viewState.group(1))
                    .entrySet()
                    .stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            browser.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/login.xhtml"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        static String get(HttpClient client, String url) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        }

        static Socket connect(HttpClient client, URI uri) throws Exception {
            Socket listener = new Socket();
            listener.socket =
                    client.newWebSocketBuilder().buildAsync(uri, listener).get(10, TimeUnit.SECONDS);
            return listener;
        }

        /** The next {@code count} messages, each within 10 s of the previous one. */
        List<Received> take(int count) throws InterruptedException {
            List<Received> messages = new ArrayList<>();
            while (messages.size() < count) {
                Received next = received.poll(10, TimeUnit.SECONDS);
                assertThat(next)
                        .as("message %d of %d, after %s", messages.size() + 1, count, messages)
                        .isNotNull();
                messages.add(next);
            }
            return messages;
        }

        void close() throws Exception {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(new Received(partial.toString(), System.nanoTime()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
