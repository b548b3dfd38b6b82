package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.launcher.RelaisServer;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The staff screens' socket ({@code /ws/staff}) over real WebSockets against the shared server, signed
 * in by the login form as a browser is: what a screen may listen to is granted by the caller's scope,
 * anything else closes the connection with 1008 (policy violation) and a reason; a granted channel is
 * pushed to after a commit.
 */
class StaffSocketIT {
    static final RelaisServer server = TestEnvironment.server();
    static final Scenario scenario = new Scenario(server.baseUrl());

    @Test
    void aConnectionWithNoSignedInSessionIsRefused() throws Exception {
        Staff anonymous = Staff.connect(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), "operator=operateur");
        assertThat(anonymous.closeCode()).isEqualTo(1008);
        assertThat(anonymous.closeReason).isEqualTo("unauthenticated");
        assertThat(anonymous.received).as("nothing granted, nothing said").isEmpty();
    }

    @Test
    void anOperatorMayListenToTheirOwnChatsNotAnotherOperatorsAndIsToldWhenACitizenWrites() throws Exception {
        HttpClient operator = signedIn("operateur");
        Staff other = Staff.connect(operator, "operator=operateur2");
        assertThat(other.closeCode()).as("another operator's channel").isEqualTo(1008);
        assertThat(other.closeReason).isEqualTo("channel_refused");
        Staff otherPlatform = Staff.connect(operator, "queue=VSS&operator=operateur");
        assertThat(otherPlatform.closeCode()).as("the other platform's queue").isEqualTo(1008);
        Staff alerts = Staff.connect(operator, "alerts");
        assertThat(alerts.closeCode()).as("alerts are the supervisors'").isEqualTo(1008);

        Staff own = Staff.connect(operator, "queue=GENERALIST&operator=operateur");
        assertThat(own.next()).as("granted").isEqualTo("ready");
        ChatIT.Opened chat = ChatIT.open("VICTIM", "THEFT", "On m'a volé mon vélo.");
        own.awaits("queue"); // a chat opened in the platform's queue
        assertThat(scenario.as("operateur")
                        .post("/chats/" + chat.id() + "/take", null)
                        .status())
                .isEqualTo(200);
        own.awaits("queue"); // the chat taken
        assertThat(scenario.anonymous()
                        .post(
                                "/citizen/chats/" + chat.id() + "/messages",
                                "{\"text\":\"Il était rouge.\"}",
                                "X-Chat-Token",
                                chat.token())
                        .status())
                .isEqualTo(201);
        own.awaits("operator"); // the citizen wrote in a chat the operator holds
        own.close();
    }

    @Test
    void aUnitAgentMayListenToTheirOwnUnitsDeskNotAnotherUnits() throws Exception {
        HttpClient agent = signedIn("agent-guyancourt");
        Staff otherUnit = Staff.connect(agent, "desk=CSP-VERSAILLES");
        assertThat(otherUnit.closeCode()).isEqualTo(1008);
        assertThat(otherUnit.closeReason).isEqualTo("channel_refused");
        Staff unknown = Staff.connect(agent, "chat=1");
        assertThat(unknown.closeCode()).as("no such channel").isEqualTo(1008);

        Staff own = Staff.connect(agent, "desk=CSP-GUYANCOURT");
        assertThat(own.next()).isEqualTo("ready");
        own.close();
    }

    @Test
    void aHandshakeFromAPageOfAnotherSiteIsRefusedEvenWithTheSessionCookie() throws Exception {
        HttpClient supervisor = signedIn("superviseur");
        assertThatThrownBy(() -> Staff.connect(supervisor, "alerts", "https://evil.example"))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause())
                                .getResponse()
                                .statusCode())
                        .isEqualTo(403));
        Staff sameSite = Staff.connect(supervisor, "alerts", server.baseUrl());
        assertThat(sameSite.next()).as("the page's own origin").isEqualTo("ready");
        sameSite.close();
    }

    private static HttpClient signedIn(String user) throws Exception {
        HttpClient browser = ClusterSystemIT.Socket.browser(new CookieManager());
        ClusterSystemIT.Socket.login(browser, server.baseUrl(), user);
        assertThat(ClusterSystemIT.Socket.get(browser, server.baseUrl() + "/index.xhtml"))
                .as("signed in as " + user)
                .doesNotContain("login:password");
        return browser;
    }

    /** A staff screen's socket as java.net.http's client sees it (cookies from the client's store). */
    static final class Staff implements WebSocket.Listener {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        volatile String closeReason;
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Staff connect(HttpClient client, String query) throws Exception {
            return connect(client, query, null);
        }

        static Staff connect(HttpClient client, String query, String origin) throws Exception {
            Staff listener = new Staff();
            URI uri = URI.create(server.baseUrl().replaceFirst("^http", "ws") + "/ws/staff?" + query);
            WebSocket.Builder builder = client.newWebSocketBuilder();
            if (origin != null) {
                builder.header("Origin", origin);
            }
            listener.socket = builder.buildAsync(uri, listener).get(10, TimeUnit.SECONDS);
            return listener;
        }

        /** The next message pushed, within 10 seconds. */
        String next() throws InterruptedException {
            String text = received.poll(10, TimeUnit.SECONDS);
            assertThat(text).as("a message pushed within 10 s").isNotNull();
            return text;
        }

        /**
         * Waits for a push of {@code channel}, each message within 10 s of the previous one; pushes of
         * the other granted channel (other tests' chats in the same queue) are skipped.
         */
        void awaits(String channel) throws InterruptedException {
            String text;
            do {
                text = next();
                assertThat(text).as("only the granted channels").isIn("queue", "operator");
            } while (!text.equals(channel));
        }

        int closeCode() throws Exception {
            return closed.get(10, TimeUnit.SECONDS);
        }

        void close() throws Exception {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = reason;
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
