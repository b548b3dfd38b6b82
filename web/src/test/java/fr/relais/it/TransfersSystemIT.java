package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Transfers of a conversation and the citizen's silence, over HTTP against the shared server: to a
 * colleague, to the other platform, to the psychologist and back to the queue; refusals that store
 * nothing; abandonment through the real engine (chats on {@link #SILENT_TOPIC} have a 5 s silence timeout
 * on the test server, every other chat the default 15 minutes).
 */
class TransfersSystemIT {
    static final String SILENT_TOPIC = "essai-silence";
    static final RelaisServer server = TestEnvironment.server();
    static final Scenario scenario = new Scenario(server.baseUrl());

    @Test
    void aColleagueReceivesTheConversationWithItsHistoryAndTheNoteOnlyStaffRead() {
        ChatIT.Opened chat = ChatIT.open("VICTIM", "THEFT", "On m'a volé mon sac.");
        Api first = scenario.as("operateur");
        Api second = scenario.as("operateur2");
        assertThat(first.post("/chats/" + chat.id() + "/take", null).status()).isEqualTo(200);
        assertThat(first.post("/chats/" + chat.id() + "/messages", "{\"text\":\"Où étiez-vous ?\"}")
                        .status())
                .isEqualTo(201);

        var moved = first.post(
                "/chats/" + chat.id() + "/transfer",
                "{\"target\":\"COLLEAGUE\",\"to\":\"operateur2\",\"note\":\"Fin de service, vol à l'arraché\"}");

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().getString("status")).isEqualTo("TAKEN");
        assertThat(moved.json().getString("operator")).isEqualTo("operateur2");
        assertThat(ids(second.get("/chats?scope=mine"))).contains(chat.id());
        assertThat(ids(first.get("/chats?scope=mine"))).doesNotContain(chat.id());
        var late = first.post("/chats/" + chat.id() + "/messages", "{\"text\":\"Encore là ?\"}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().getString("error")).isEqualTo("chat_not_held");
        assertThat(second.post("/chats/" + chat.id() + "/messages", "{\"text\":\"Je prends le relais.\"}")
                        .status())
                .isEqualTo(201);

        List<JsonObject> staff =
                second.get("/chats/" + chat.id() + "/messages").array().getValuesAs(JsonObject.class);
        assertThat(staff)
                .extracting(m -> m.getString("author"))
                .containsExactly("CITIZEN", "OPERATOR", "SYSTEM", "OPERATOR");
        assertThat(staff.get(2).getString("text")).contains("operateur2").contains("Fin de service, vol à l'arraché");
        List<JsonObject> citizen = citizenLines(chat);
        assertThat(citizen)
                .extracting(m -> m.getString("author"))
                .containsExactly("CITIZEN", "OPERATOR", "SYSTEM", "OPERATOR");
        assertThat(citizen.get(2).getString("text"))
                .as("the citizen reads a neutral line, never the staff's note nor a name")
                .doesNotContain("Fin de service")
                .doesNotContain("operateur");

        assertThat(second.post("/chats/" + chat.id() + "/close", "{\"outcome\":\"INFORMATION\"}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aTransferToTheOtherPlatformPutsTheChatInItsQueueWhereItIsTakenWithItsHistory() {
        ChatIT.Opened chat = ChatIT.open("VICTIM", "HARASSMENT", "Un collègue me harcèle, avec des propos sexuels.");
        Api generalist = scenario.as("operateur");
        Api vss = scenario.as("operatrice-vss");
        assertThat(generalist.post("/chats/" + chat.id() + "/take", null).status())
                .isEqualTo(200);

        var moved = generalist.post(
                "/chats/" + chat.id() + "/transfer", "{\"target\":\"OTHER_PLATFORM\",\"note\":\"Harcèlement sexuel\"}");

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().getString("platform")).isEqualTo("VSS");
        assertThat(moved.json().getString("status")).isEqualTo("WAITING");
        assertThat(generalist.get("/chats/" + chat.id()).status())
                .as("the chat now belongs to the other platform")
                .isEqualTo(404);
        assertThat(ids(vss.get("/chats?scope=queue"))).contains(chat.id());
        assertThat(vss.post("/chats/" + chat.id() + "/take", null).status()).isEqualTo(200);
        assertThat(vss.get("/chats/" + chat.id() + "/messages").array().getValuesAs(JsonObject.class))
                .extracting(m -> m.getString("author"))
                .containsExactly("CITIZEN", "SYSTEM");
        assertThat(vss.post("/chats/" + chat.id() + "/close", "{\"outcome\":\"INFORMATION\"}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void thePsychologistReceivesTheChatAnswersTheCitizenLiveAndHandsItBackToTheQueue() throws Exception {
        ChatIT.Opened chat = ChatIT.open("VICTIM", "SEXUAL_VIOLENCE", "Je n'arrive plus à dormir depuis.");
        Api operator = scenario.as("operatrice-vss");
        Api psychologist = scenario.as("psychologue");
        assertThat(operator.post("/chats/" + chat.id() + "/take", null).status())
                .isEqualTo(200);
        ChatIT.Socket socket = ChatIT.Socket.connect(chat.id());
        socket.send(chat.token());
        assertThat(socket.next().getString("type")).isEqualTo("ready");

        var moved = operator.post(
                "/chats/" + chat.id() + "/transfer",
                "{\"target\":\"PSYCHOLOGIST\",\"note\":\"Très éprouvée, besoin d'écoute\"}");

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().getString("operator")).isEqualTo("psychologue");
        assertThat(socket.next().getString("author"))
                .as("the transfer's line, pushed")
                .isEqualTo("SYSTEM");
        assertThat(ids(psychologist.get("/chats?scope=mine"))).contains(chat.id());
        var reply = psychologist.post(
                "/chats/" + chat.id() + "/messages", "{\"text\":\"Je suis psychologue, je vous écoute.\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonObject pushed = socket.next();
        assertThat(pushed.getString("author"))
                .as("the citizen is told it is the psychologist, not an officer")
                .isEqualTo("PSYCHOLOGIST");
        assertThat(pushed.getString("text")).isEqualTo("Je suis psychologue, je vous écoute.");
        assertThat(reply.json().getString("author")).isEqualTo("PSYCHOLOGIST");
        assertThat(citizenLines(chat))
                .extracting(m -> m.getString("author"))
                .containsExactly("CITIZEN", "SYSTEM", "PSYCHOLOGIST");
        assertThat(psychologist.get("/chats/" + chat.id() + "/messages").array().getValuesAs(JsonObject.class))
                .as("the transcript staff and auditors read says so too")
                .extracting(m -> m.getString("author"))
                .containsExactly("CITIZEN", "SYSTEM", "PSYCHOLOGIST");
        assertThat(scenario.as("auditeur")
                        .get("/chats/" + chat.id() + "/messages")
                        .array()
                        .getValuesAs(JsonObject.class))
                .extracting(m -> m.getString("author"))
                .containsExactly("CITIZEN", "SYSTEM", "PSYCHOLOGIST");

        var back = psychologist.post(
                "/chats/" + chat.id() + "/transfer", "{\"target\":\"QUEUE\",\"note\":\"Prête à déposer plainte\"}");
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(back.json().getString("status")).isEqualTo("WAITING");
        assertThat(ids(operator.get("/chats?scope=queue"))).contains(chat.id());
        assertThat(ids(psychologist.get("/chats?scope=mine"))).doesNotContain(chat.id());
        socket.close();
    }

    @Test
    void refusesTransfersToTheWrongPeopleOrOfAChatNotHeldAndStoresNothing() {
        ChatIT.Opened chat = ChatIT.open("REPORT", "DRUG_TRAFFICKING", "Point de deal devant l'école.");
        Api operator = scenario.as("operateur");
        String path = "/chats/" + chat.id() + "/transfer";
        var notHeld = scenario.as("operateur2").post(path, "{\"target\":\"QUEUE\"}");
        assertThat(notHeld.status()).as("waiting, held by nobody").isEqualTo(409);
        assertThat(operator.post("/chats/" + chat.id() + "/take", null).status())
                .isEqualTo(200);

        var byAnother = scenario.as("operateur2").post(path, "{\"target\":\"COLLEAGUE\",\"to\":\"operateur2\"}");
        assertThat(byAnother.status()).isEqualTo(409);
        assertThat(byAnother.json().getString("error")).isEqualTo("chat_not_held");
        assertRefused(
                operator.post(path, "{\"target\":\"COLLEAGUE\",\"to\":\"operatrice-vss\"}"), 400, "invalid_target");
        assertRefused(operator.post(path, "{\"target\":\"COLLEAGUE\",\"to\":\"psychologue\"}"), 400, "invalid_target");
        assertRefused(operator.post(path, "{\"target\":\"COLLEAGUE\",\"to\":\"personne\"}"), 400, "invalid_target");
        assertRefused(operator.post(path, "{\"target\":\"COLLEAGUE\",\"to\":\"operateur\"}"), 400, "invalid_target");
        assertRefused(operator.post(path, "{\"target\":\"COLLEAGUE\"}"), 400, "missing_target");
        assertRefused(operator.post(path, "{\"target\":\"PSYCHOLOGIST\"}"), 400, "invalid_target");
        assertRefused(operator.post(path, "{\"target\":\"SUPERVISOR\"}"), 400, "invalid_target");
        assertRefused(operator.post(path, "{}"), 400, "invalid_target");
        assertRefused(
                operator.post(path, "{\"target\":\"QUEUE\",\"note\":" + Scenario.json("x".repeat(1001)) + "}"),
                400,
                "note_too_long");
        assertThat(scenario.as("operatrice-vss")
                        .post(path, "{\"target\":\"QUEUE\"}")
                        .status())
                .as("another platform's chat does not exist")
                .isEqualTo(404);
        assertThat(scenario.as("auditeur").post(path, "{\"target\":\"QUEUE\"}").status())
                .isEqualTo(403);

        JsonObject after = operator.get("/chats/" + chat.id()).json();
        assertThat(after.getString("operator")).isEqualTo("operateur");
        assertThat(after.getString("platform")).isEqualTo("GENERALIST");
        assertThat(operator.get("/chats/" + chat.id() + "/messages").array().getValuesAs(JsonObject.class))
                .as("no transfer line was written")
                .extracting(m -> m.getString("author"))
                .containsExactly("CITIZEN");
        assertThat(operator.post("/chats/" + chat.id() + "/close", "{\"outcome\":\"INFORMATION\"}")
                        .status())
                .as("the conversation still goes on with its holder")
                .isEqualTo(200);
    }

    @Test
    void aSilentCitizenIsMarkedAbandonedAndTheOperatorsSlotFrees() throws Exception {
        ChatIT.Opened chat = ChatIT.open("INFORMATION", SILENT_TOPIC, "Bonjour ?");
        Api operator = scenario.as("operateur");
        assertThat(operator.post("/chats/" + chat.id() + "/take", null).status())
                .isEqualTo(200);
        assertThat(ids(operator.get("/chats?scope=mine"))).contains(chat.id());

        JsonObject ended = awaitStatus(operator, chat.id(), "CLOSED", Duration.ofSeconds(40));

        assertThat(ended.getString("outcome")).isEqualTo("ABANDONED");
        assertThat(ids(operator.get("/chats?scope=mine"))).doesNotContain(chat.id());
        assertThat(citizenLines(chat)).extracting(m -> m.getString("author")).containsExactly("CITIZEN", "SYSTEM");
        var tooLate = scenario.anonymous()
                .post(
                        "/citizen/chats/" + chat.id() + "/messages",
                        "{\"text\":\"Pardon, j'étais occupé\"}",
                        "X-Chat-Token",
                        chat.token());
        assertThat(tooLate.status()).isEqualTo(409);
    }

    @Test
    void aCitizenWhoKeepsWritingIsNotAbandoned() throws Exception {
        ChatIT.Opened chat = ChatIT.open("INFORMATION", SILENT_TOPIC, "Bonjour ?");
        Api operator = scenario.as("operateur");
        assertThat(operator.post("/chats/" + chat.id() + "/take", null).status())
                .isEqualTo(200);

        // writes every second for 12 s: more than twice the 5 s timeout, never 5 s silent
        long until = System.nanoTime() + Duration.ofSeconds(12).toNanos();
        while (System.nanoTime() < until) {
            var sent = scenario.anonymous()
                    .post(
                            "/citizen/chats/" + chat.id() + "/messages",
                            "{\"text\":\"Toujours là\"}",
                            "X-Chat-Token",
                            chat.token());
            assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
            Thread.sleep(1000);
        }
        JsonObject now = operator.get("/chats/" + chat.id()).json();
        assertThat(now.getString("status")).isEqualTo("TAKEN");

        // then silent: abandoned once the re-armed timer fires
        assertThat(awaitStatus(operator, chat.id(), "CLOSED", Duration.ofSeconds(40))
                        .getString("outcome"))
                .isEqualTo("ABANDONED");
    }

    private static void assertRefused(Api.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.json().getString("error")).isEqualTo(code);
    }

    private static List<JsonObject> citizenLines(ChatIT.Opened chat) {
        return scenario.anonymous()
                .get("/citizen/chats/" + chat.id() + "/messages", "X-Chat-Token", chat.token())
                .array()
                .getValuesAs(JsonObject.class);
    }

    private static List<Long> ids(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.array().getValuesAs(JsonObject.class).stream()
                .map(c -> c.getJsonNumber("id").longValue())
                .toList();
    }

    private static JsonObject awaitStatus(Api api, long chatId, String status, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        Api.Reply last;
        do {
            last = api.get("/chats/" + chatId);
            if (last.status() == 200 && status.equals(last.json().getString("status"))) {
                return last.json();
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("chat " + chatId + " not " + status + " within " + within + ": " + last);
    }
}
