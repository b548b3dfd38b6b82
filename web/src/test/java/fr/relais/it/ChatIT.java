package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The live chat over HTTP and WebSocket, against the application as the run command starts it:
 * topic routing, the citizen's socket (token as first message), pushes after commit, catch-up
 * after a reconnection.
 */
class ChatIT {
    static final RelaisServer server = TestEnvironment.server();
    static final Scenario scenario = new Scenario(server.baseUrl());

    record Opened(long id, String token) {}

    static Opened open(String door, String topic, String message) {
        var reply = scenario.anonymous()
                .post(
                        "/citizen/chats",
                        "{\"door\":\"" + door + "\",\"topic\":\"" + topic + "\",\"message\":" + Scenario.json(message)
                                + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return new Opened(
                reply.json().getJsonNumber("id").longValue(), reply.json().getString("token"));
    }

    @Test
    void routesSexualAndSexistViolenceToTheVssPlatformAndOtherTopicsToTheGeneralistOne() {
        Opened vss = open("VICTIM", "SEXUAL_VIOLENCE", "Bonjour, j'ai besoin d'aide.");
        var seenByVss = scenario.as("operatrice-vss").get("/chats/" + vss.id());
        assertThat(seenByVss.status()).as(seenByVss.toString()).isEqualTo(200);
        assertThat(seenByVss.json().getString("platform")).isEqualTo("VSS");
        assertThat(scenario.as("operateur").get("/chats/" + vss.id()).status())
                .as("another platform's chat does not exist for the generalist operator")
                .isEqualTo(404);

        Opened generalist = open("REPORT", "DRUG_TRAFFICKING", "Il y a un point de deal en bas de chez moi.");
        assertThat(scenario.as("operateur")
                        .get("/chats/" + generalist.id())
                        .json()
                        .getString("platform"))
                .isEqualTo("GENERALIST");

        var wrongDoor = scenario.anonymous()
                .post("/citizen/chats", "{\"door\":\"INFORMATION\",\"topic\":\"SEXUAL_VIOLENCE\",\"message\":\"x\"}");
        assertThat(wrongDoor.status()).isEqualTo(400);
        assertThat(wrongDoor.json().getString("error")).isEqualTo("invalid_topic");
        var wrongPlatform = scenario.anonymous()
                .post(
                        "/citizen/chats",
                        "{\"platform\":\"GENERALIST\",\"door\":\"VICTIM\",\"topic\":\"DOMESTIC_VIOLENCE\"}");
        assertThat(wrongPlatform.status()).isEqualTo(400);
        assertThat(wrongPlatform.json().getString("error")).isEqualTo("invalid_platform");
    }

    @Test
    void theCitizenGetsTheOperatorsAnswersLiveAndLosesNothingAcrossAReconnection() throws Exception {
        Opened chat = open("VICTIM", "THEFT", "On m'a volé mon téléphone.");
        Socket first = Socket.connect(chat.id());
        first.send(chat.token());
        assertThat(first.next().getString("type")).isEqualTo("ready");

        var operator = scenario.as("operateur");
        assertThat(operator.post("/chats/" + chat.id() + "/take", null).status())
                .isEqualTo(200);
        assertThat(operator.post("/chats/" + chat.id() + "/messages", "{\"text\":\"Bonjour, où êtes-vous ?\"}")
                        .status())
                .isEqualTo(201);
        JsonObject pushed = first.next();
        assertThat(pushed.getString("author")).isEqualTo("OPERATOR");
        assertThat(pushed.getString("text")).isEqualTo("Bonjour, où êtes-vous ?");
        assertThat(pushed.keySet()).containsExactlyInAnyOrder("id", "author", "text", "sentAt");

        first.close();
        assertThat(operator.post("/chats/" + chat.id() + "/messages", "{\"text\":\"Êtes-vous en sécurité ?\"}")
                        .status())
                .isEqualTo(201);

        Socket second = Socket.connect(chat.id());
        second.send(chat.token());
        assertThat(second.next().getString("type")).isEqualTo("ready");
        var all = scenario.anonymous().get("/citizen/chats/" + chat.id() + "/messages", "X-Chat-Token", chat.token());
        assertThat(all.array().getValuesAs(JsonObject.class))
                .extracting(m -> m.getString("text"))
                .containsExactly("On m'a volé mon téléphone.", "Bonjour, où êtes-vous ?", "Êtes-vous en sécurité ?");

        assertThat(operator.post("/chats/" + chat.id() + "/messages", "{\"text\":\"Je reste avec vous.\"}")
                        .status())
                .isEqualTo(201);
        assertThat(second.next().getString("text")).isEqualTo("Je reste avec vous.");
        second.close();
    }

    @Test
    void aWrongTokenOrAnOversizedMessageClosesTheSocket() throws Exception {
        Opened chat = open("INFORMATION", "COMPLAINT_PROCEDURE", "Comment porter plainte ?");

        Socket forged = Socket.connect(chat.id());
        forged.send("forged-token");
        assertThat(forged.closeCode()).isEqualTo(1008);
        assertThat(forged.received).isEmpty();

        Socket unknown = Socket.connect(Long.MAX_VALUE);
        unknown.send(chat.token());
        assertThat(unknown.closeCode()).as("another chat's token").isEqualTo(1008);

        Socket flood = Socket.connect(chat.id());
        flood.send("x".repeat(10_000));
        assertThat(flood.closeCode()).as("over the maximum message size").isEqualTo(1009);
    }

    static final String REFERENCE = "[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}";

    @Test
    void aReportMadeFromTheChatGivesTheCitizenAReceiptReferenceInTheConversation() throws Exception {
        Opened chat = open("VICTIM", "SCAM", "Un faux conseiller bancaire m'a vidé mon compte.");
        Socket socket = Socket.connect(chat.id());
        socket.send(chat.token());
        assertThat(socket.next().getString("type")).isEqualTo("ready");
        var operator = scenario.as("operateur");
        assertThat(operator.post("/chats/" + chat.id() + "/take", null).status())
                .isEqualTo(200);

        var first = operator.post("/chats/" + chat.id() + "/report", null);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String reference = first.json().getString("reference");
        assertThat(reference).matches(REFERENCE);

        JsonObject pushed = socket.next();
        assertThat(pushed.getString("author")).isEqualTo("RECEIPT");
        assertThat(pushed.getString("text")).isEqualTo(reference);
        socket.close();

        var second = operator.post("/chats/" + chat.id() + "/report", null);
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        String other = second.json().getString("reference");
        assertThat(other).matches(REFERENCE).isNotEqualTo(reference);
        assertThat(other.replace("-", ""))
                .as("random, not a counter: no common prefix of 4 symbols between two consecutive reports")
                .doesNotStartWith(reference.replace("-", "").substring(0, 4));

        var lines = scenario.anonymous()
                .get("/citizen/chats/" + chat.id() + "/messages", "X-Chat-Token", chat.token())
                .array()
                .getValuesAs(JsonObject.class);
        assertThat(lines)
                .filteredOn(l -> l.getString("author").equals("RECEIPT"))
                .extracting(l -> l.getString("text"))
                .containsExactly(reference, other);
        assertThat(scenario.anonymous()
                        .get("/citizen/reports/" + reference)
                        .json()
                        .getString("stage"))
                .isEqualTo("RECEIVED");
    }

    @Test
    void aMessageOver4000CharactersIsRefusedAndNothingIsStored() {
        Opened chat = open("INFORMATION", "OTHER_QUESTION", "Bonjour");
        var citizen = scenario.anonymous();
        String path = "/citizen/chats/" + chat.id() + "/messages";

        var tooLong = citizen.post(path, "{\"text\":\"" + "a".repeat(4_001) + "\"}", "X-Chat-Token", chat.token());
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
        assertThat(tooLong.json().getString("error")).isEqualTo("message_too_long");
        assertThat(tooLong.json().getString("message")).contains("4 000");
        assertThat(citizen.get(path, "X-Chat-Token", chat.token()).array())
                .as("nothing stored")
                .hasSize(1);

        var atTheLimit = citizen.post(path, "{\"text\":\"" + "b".repeat(4_000) + "\"}", "X-Chat-Token", chat.token());
        assertThat(atTheLimit.status()).as(atTheLimit.toString()).isEqualTo(201);
        assertThat(citizen.get(path, "X-Chat-Token", chat.token()).array()).hasSize(2);

        var operator = scenario.as("operateur");
        assertThat(operator.post("/chats/" + chat.id() + "/take", null).status())
                .isEqualTo(200);
        var operatorTooLong =
                operator.post("/chats/" + chat.id() + "/messages", "{\"text\":\"" + "c".repeat(4_001) + "\"}");
        assertThat(operatorTooLong.status()).isEqualTo(400);
        assertThat(operatorTooLong.json().getString("error")).isEqualTo("message_too_long");
        assertThat(operator.get("/chats/" + chat.id() + "/messages").array()).hasSize(2);

        String topic = "trop-long-" + System.nanoTime();
        var openTooLong = citizen.post(
                "/citizen/chats",
                "{\"door\":\"INFORMATION\",\"topic\":\"" + topic + "\",\"message\":\"" + "d".repeat(4_001) + "\"}");
        assertThat(openTooLong.status()).isEqualTo(400);
        assertThat(openTooLong.json().getString("error")).isEqualTo("message_too_long");
        assertThat(operator.get("/chats").array().getValuesAs(JsonObject.class))
                .as("no chat was opened by the refused request")
                .noneMatch(c -> topic.equals(c.getString("topic", null)));
    }

    /** A citizen's socket, as java.net.http's WebSocket client sees it. */
    static final class Socket implements WebSocket.Listener {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Socket connect(long chatId) throws Exception {
            Socket listener = new Socket();
            URI uri = URI.create(server.baseUrl().replaceFirst("^http", "ws") + "/ws/citizen/chats/" + chatId);
            listener.socket = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .build()
                    .newWebSocketBuilder()
                    .buildAsync(uri, listener)
                    .get(10, TimeUnit.SECONDS);
            return listener;
        }

        void send(String text) throws Exception {
            socket.sendText(text, true).get(10, TimeUnit.SECONDS);
        }

        /** The next message pushed, within 5 seconds; waiting estimates ({@code "type":"waiting"}) skipped. */
        JsonObject next() throws InterruptedException {
            while (true) {
                String text = received.poll(5, TimeUnit.SECONDS);
                assertThat(text).as("a message pushed within 5 s").isNotNull();
                try (var reader = Json.createReader(new StringReader(text))) {
                    JsonObject message = reader.readObject();
                    if (!"waiting".equals(message.getString("type", null))) {
                        return message;
                    }
                }
            }
        }

        int closeCode() throws Exception {
            return closed.get(10, TimeUnit.SECONDS);
        }

        void close() throws Exception {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
            closed.get(10, TimeUnit.SECONDS);
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
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
