package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.Database;
import fr.relais.launcher.RelaisServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Operators' statuses, caps of simultaneous conversations, the citizen's waiting estimate and the
 * canned answers, over HTTP against the shared server. Each test makes its own operators (generalist,
 * password "operateur") and chats; the demo operator whose status a test changes gets it back.
 */
class OperatorsSystemIT {
    static final RelaisServer server = TestEnvironment.server();
    static final Scenario scenario = new Scenario(server.baseUrl());

    /** An operator of the generalist platform made for one test (password "operateur"). */
    static Api newOperator(String name) throws Exception {
        String user = name + "-" + System.nanoTime() % 1_000_000_000L;
        SecurityIT.createOperator(user);
        return Api.as(server.baseUrl(), user, "operateur");
    }

    static String nameOf(Api operator) {
        JsonObject me = operator.get("/operators/me").json();
        return me.getString("username");
    }

    static Api.Reply setStatus(Api operator, String status) {
        return operator.put("/operators/me/status", "{\"status\":\"" + status + "\"}");
    }

    record Opened(long id, String token) {}

    static Opened open(String door, String topic) {
        var reply = scenario.anonymous()
                .post(
                        "/citizen/chats",
                        "{\"door\":\"" + door + "\",\"topic\":\"" + topic + "\",\"message\":\"Bonjour.\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return new Opened(
                reply.json().getJsonNumber("id").longValue(), reply.json().getString("token"));
    }

    static Opened openGeneralist() {
        return open("REPORT", "DRUG_TRAFFICKING");
    }

    static JsonObject waiting(Opened chat) {
        var reply = scenario.anonymous().get("/citizen/chats/" + chat.id() + "/waiting", "X-Chat-Token", chat.token());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    static void assertRefused(Api.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        if (code != null) {
            assertThat(reply.json().getString("error")).as(reply.toString()).isEqualTo(code);
        }
    }

    static List<String> statusChanges(String user) throws Exception {
        Database.Settings db = TestEnvironment.systemDatabase();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                PreparedStatement query = c.prepareStatement("select previous_status, status from"
                        + " operator_status_change where username = ? order by changed_at, id")) {
            query.setString(1, user);
            List<String> changes = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    changes.add(rows.getString(1) + "->" + rows.getString(2));
                }
            }
            return changes;
        }
    }

    @Test
    void onlyAnAvailableOperatorTakesChatsAndGoingOffShiftHandsHeldChatsBackToTheQueue() throws Exception {
        Api operator = newOperator("op-status");
        String user = nameOf(operator);
        JsonObject initial = operator.get("/operators/me").json();
        assertThat(initial.getString("status"))
                .as("a new operator starts available")
                .isEqualTo("AVAILABLE");

        var onBreak = setStatus(operator, "ON_BREAK");
        assertThat(onBreak.status()).as(onBreak.toString()).isEqualTo(200);
        assertThat(onBreak.json().getString("status")).isEqualTo("ON_BREAK");
        assertThat(onBreak.json().getString("since")).isNotBlank();
        Opened chat = openGeneralist();
        assertRefused(operator.post("/chats/" + chat.id() + "/take", null), 409, "operator_not_available");
        assertThat(scenario.as("operateur").get("/chats/" + chat.id()).json().getString("status"))
                .as("the refused take left the chat waiting")
                .isEqualTo("WAITING");

        assertThat(setStatus(operator, "AVAILABLE").status()).isEqualTo(200);
        assertThat(operator.post("/chats/" + chat.id() + "/take", null).status())
                .isEqualTo(200);

        var offShift = setStatus(operator, "OFF_SHIFT");
        assertThat(offShift.status()).as(offShift.toString()).isEqualTo(200);
        assertThat(offShift.json().getString("status")).isEqualTo("OFF_SHIFT");
        var handedBack = scenario.as("operateur").get("/chats/" + chat.id()).json();
        assertThat(handedBack.getString("status"))
                .as("going off shift hands the chat still held back to the queue")
                .isEqualTo("WAITING");
        assertThat(scenario.as("operateur")
                        .get("/chats/" + chat.id() + "/messages")
                        .array())
                .as("with its history")
                .isNotEmpty();
        Opened another = openGeneralist();
        assertRefused(operator.post("/chats/" + another.id() + "/take", null), 409, "operator_not_available");

        assertThat(statusChanges(user))
                .as("every change is kept with its time; refused ones are not")
                .containsExactly("AVAILABLE->ON_BREAK", "ON_BREAK->AVAILABLE", "AVAILABLE->OFF_SHIFT");
    }

    /** The held chat's {@code unread} in the operator's list of held chats ({@code scope=mine}). */
    static int unread(Api operator, long chatId) {
        var mine = operator.get("/chats?scope=mine");
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        return mine.array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getJsonNumber("id").longValue() == chatId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("chat " + chatId + " not held: " + mine))
                .getInt("unread");
    }

    static void citizenWrites(Opened chat, String text) {
        var sent = scenario.anonymous()
                .post(
                        "/citizen/chats/" + chat.id() + "/messages",
                        "{\"text\":" + Scenario.json(text) + "}",
                        "X-Chat-Token",
                        chat.token());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    }

    @Test
    void eachHeldChatCountsTheCitizenMessagesItsHolderHasNotReadYet() throws Exception {
        Api operator = newOperator("op-unread");
        Api colleague = newOperator("op-unread2");
        Opened chat = openGeneralist();
        assertThat(operator.post("/chats/" + chat.id() + "/take", null).status())
                .isEqualTo(200);
        assertThat(unread(operator, chat.id()))
                .as("the citizen's first message, not read yet")
                .isEqualTo(1);
        assertThat(operator.get("/chats?scope=queue").array().getValuesAs(JsonObject.class))
                .as("waiting chats have no unread count")
                .allSatisfy(c -> assertThat(c.containsKey("unread")).isFalse());

        assertThat(operator.get("/chats/" + chat.id() + "/messages").status()).isEqualTo(200);
        assertThat(unread(operator, chat.id())).as("read by its holder").isZero();

        citizenWrites(chat, "Vous êtes là ?");
        assertThat(operator.post("/chats/" + chat.id() + "/messages", "{\"text\":\"Oui, je vous lis.\"}")
                        .status())
                .isEqualTo(201);
        citizenWrites(chat, "Il y a un point de deal devant l'école.");
        assertThat(unread(operator, chat.id()))
                .as("two citizen messages since; the operator's own answer does not count")
                .isEqualTo(2);
        assertThat(scenario.as("superviseur")
                        .get("/chats/" + chat.id() + "/messages")
                        .status())
                .isEqualTo(200);
        assertThat(unread(operator, chat.id()))
                .as("someone else reading it does not read it for the holder")
                .isEqualTo(2);

        assertThat(operator.get("/chats/" + chat.id() + "/messages").status()).isEqualTo(200);
        assertThat(unread(operator, chat.id())).isZero();

        var moved = operator.post(
                "/chats/" + chat.id() + "/transfer", "{\"target\":\"COLLEAGUE\",\"to\":\"" + nameOf(colleague) + "\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(unread(colleague, chat.id()))
                .as("the new holder has read none of the citizen's three messages")
                .isEqualTo(3);
        assertThat(colleague
                        .post("/chats/" + chat.id() + "/close", "{\"outcome\":\"INFORMATION\"}")
                        .status())
                .isEqualTo(200);
    }

    static String holder(long chatId) {
        JsonObject chat = scenario.as("operateur").get("/chats/" + chatId).json();
        return chat.getString("status") + ":" + chat.getString("operator", "-");
    }

    static Api.Reply offShift(Api operator, String handTo) {
        return operator.put(
                "/operators/me/status",
                "{\"status\":\"OFF_SHIFT\",\"handTo\":" + Scenario.json(handTo) + ",\"note\":\"Relève de 22 h\"}");
    }

    @Test
    void goingOffShiftHandsTheHeldChatsToTheColleagueTheOperatorPicks() throws Exception {
        Api operator = newOperator("op-handover");
        Api colleague = newOperator("op-relief");
        String relief = nameOf(colleague);
        Opened first = openGeneralist();
        Opened second = openGeneralist();
        for (Opened chat : List.of(first, second)) {
            assertThat(operator.post("/chats/" + chat.id() + "/take", null).status())
                    .isEqualTo(200);
        }

        var off = offShift(operator, relief);

        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(off.json().getString("status")).isEqualTo("OFF_SHIFT");
        assertThat(off.json().getInt("held")).isZero();
        assertThat(holder(first.id())).isEqualTo("TAKEN:" + relief);
        assertThat(holder(second.id())).isEqualTo("TAKEN:" + relief);
        assertThat(colleague.get("/chats/" + first.id() + "/messages").array().getValuesAs(JsonObject.class))
                .as("with its history and a line saying who handed it to whom, with the note")
                .last()
                .satisfies(line -> {
                    assertThat(line.getString("author")).isEqualTo("SYSTEM");
                    assertThat(line.getString("text")).contains(relief).contains("Relève de 22 h");
                });
        assertThat(colleague
                        .post("/chats/" + first.id() + "/messages", "{\"text\":\"Je prends la suite.\"}")
                        .status())
                .isEqualTo(201);
        for (Opened chat : List.of(first, second)) {
            assertThat(colleague
                            .post("/chats/" + chat.id() + "/close", "{\"outcome\":\"INFORMATION\"}")
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void goingOffShiftToAColleagueWhoCannotReceiveIsRefusedAndHandsNothingOver() throws Exception {
        Api operator = newOperator("op-handover-no");
        String user = nameOf(operator);
        Api onBreak = newOperator("op-on-break");
        assertThat(setStatus(onBreak, "ON_BREAK").status()).isEqualTo(200);
        Api full = newOperator("op-full");
        assertThat(scenario.as("superviseur")
                        .put("/operators/" + nameOf(full) + "/cap", "{\"cap\":1}")
                        .status())
                .isEqualTo(200);
        Opened fullChat = openGeneralist();
        assertThat(full.post("/chats/" + fullChat.id() + "/take", null).status())
                .isEqualTo(200);
        Opened chat = openGeneralist();
        assertThat(operator.post("/chats/" + chat.id() + "/take", null).status())
                .isEqualTo(200);

        assertRefused(offShift(operator, nameOf(onBreak)), 409, "target_not_available");
        assertRefused(offShift(operator, nameOf(full)), 409, "target_cap_reached");
        assertRefused(offShift(operator, "operatrice-vss"), 400, "invalid_target");
        assertRefused(offShift(operator, "psychologue"), 400, "invalid_target");
        assertRefused(offShift(operator, "personne-inconnue"), 400, "invalid_target");
        assertRefused(offShift(operator, user), 400, "invalid_target");
        assertRefused(
                operator.put(
                        "/operators/me/status",
                        "{\"status\":\"ON_BREAK\",\"handTo\":" + Scenario.json(nameOf(full)) + "}"),
                400,
                "invalid_hand_over");

        assertThat(operator.get("/operators/me").json().getString("status"))
                .as("each refusal left the status as it was")
                .isEqualTo("AVAILABLE");
        assertThat(holder(chat.id())).isEqualTo("TAKEN:" + user);
        assertThat(holder(fullChat.id())).isEqualTo("TAKEN:" + nameOf(full));
        assertThat(operator.get("/chats/" + chat.id() + "/messages").array().getValuesAs(JsonObject.class))
                .as("no transfer line was written")
                .extracting(m -> m.getString("author"))
                .containsExactly("CITIZEN");
        assertThat(statusChanges(user)).isEmpty();

        assertThat(setStatus(operator, "OFF_SHIFT").status())
                .as("without a colleague: the queue")
                .isEqualTo(200);
        assertThat(holder(chat.id())).isEqualTo("WAITING:-");
        full.post("/chats/" + fullChat.id() + "/close", "{\"outcome\":\"INFORMATION\"}");
    }

    @Test
    void twoFirstTakesOfANewOperatorAtOnceBothSucceed() throws Exception {
        // a new operator has no status row yet: the chat benchmark's concurrent first takes deadlocked
        Api operator = newOperator("op-first-takes");
        Opened one = openGeneralist();
        Opened two = openGeneralist();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> operator.post("/chats/" + one.id() + "/take", null));
            var second = pool.submit(() -> operator.post("/chats/" + two.id() + "/take", null));
            assertThat(first.get().status()).as(first.get().toString()).isEqualTo(200);
            assertThat(second.get().status()).as(second.get().toString()).isEqualTo(200);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aStatusChangeIsRefusedForBadInputAndForOtherRoles() throws Exception {
        Api operator = newOperator("op-badstatus");
        assertRefused(setStatus(operator, "SLEEPING"), 400, "invalid_status");
        assertRefused(operator.put("/operators/me/status", "{}"), 400, "invalid_status");
        assertRefused(operator.put("/operators/me/status", "{not json"), 400, "invalid_json");
        assertThat(operator.get("/operators/me").json().getString("status")).isEqualTo("AVAILABLE");
        assertRefused(setStatus(scenario.as("agent-guyancourt"), "ON_BREAK"), 403, "forbidden");
        assertRefused(setStatus(scenario.as("superviseur"), "ON_BREAK"), 403, "forbidden");
        assertRefused(setStatus(scenario.anonymous(), "ON_BREAK"), 401, null);
    }

    @Test
    void aSupervisorCapsAnOperatorsSimultaneousConversations() throws Exception {
        Api operator = newOperator("op-cap");
        String user = nameOf(operator);
        Api supervisor = scenario.as("superviseur");

        var capped = supervisor.put("/operators/" + user + "/cap", "{\"cap\":1}");
        assertThat(capped.status()).as(capped.toString()).isEqualTo(200);
        assertThat(capped.json().getInt("cap")).isEqualTo(1);
        assertThat(capped.json().getBoolean("capSet")).isTrue();
        assertThat(supervisor.get("/operators").array())
                .as("the supervisor's list of the platform's operators")
                .anySatisfy(o -> {
                    assertThat(o.asJsonObject().getString("username")).isEqualTo(user);
                    assertThat(o.asJsonObject().getInt("cap")).isEqualTo(1);
                });

        Opened first = openGeneralist();
        Opened second = openGeneralist();
        assertThat(operator.post("/chats/" + first.id() + "/take", null).status())
                .isEqualTo(200);
        assertRefused(operator.post("/chats/" + second.id() + "/take", null), 409, "conversation_cap_reached");
        assertThat(scenario.as("operateur").get("/chats/" + second.id()).json().getString("status"))
                .isEqualTo("WAITING");
        assertThat(operator.get("/operators/me").json().getInt("held")).isEqualTo(1);

        var raised = supervisor.put("/operators/" + user + "/cap", "{\"cap\":2}");
        assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
        assertThat(operator.post("/chats/" + second.id() + "/take", null).status())
                .isEqualTo(200);
        Opened third = openGeneralist();
        assertRefused(operator.post("/chats/" + third.id() + "/take", null), 409, "conversation_cap_reached");

        var reset = supervisor.put("/operators/" + user + "/cap", "{\"cap\":null}");
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(reset.json().getBoolean("capSet"))
                .as("back to the configured default")
                .isFalse();
        assertThat(operator.post("/chats/" + third.id() + "/take", null).status())
                .isEqualTo(200);
        for (Opened chat : List.of(first, second, third)) {
            operator.post("/chats/" + chat.id() + "/close", "{\"outcome\":\"INFORMATION\"}");
        }
    }

    @Test
    void onlyASupervisorOfThePlatformSetsACapAndOnlyAValidOne() throws Exception {
        Api operator = newOperator("op-capcheck");
        String user = nameOf(operator);
        Api supervisor = scenario.as("superviseur");
        assertRefused(supervisor.put("/operators/" + user + "/cap", "{\"cap\":0}"), 400, "invalid_cap");
        assertRefused(supervisor.put("/operators/" + user + "/cap", "{\"cap\":21}"), 400, "invalid_cap");
        assertRefused(supervisor.put("/operators/" + user + "/cap", "{\"cap\":\"deux\"}"), 400, "invalid_json");
        assertThat(operator.get("/operators/me").json().getBoolean("capSet"))
                .as("nothing stored")
                .isFalse();
        assertRefused(
                supervisor.put("/operators/operatrice-vss/cap", "{\"cap\":2}"),
                404,
                "operator_not_found"); // another platform's operator
        assertRefused(supervisor.put("/operators/agent-guyancourt/cap", "{\"cap\":2}"), 404, "operator_not_found");
        assertRefused(supervisor.put("/operators/nobody-here/cap", "{\"cap\":2}"), 404, "operator_not_found");
        assertRefused(operator.put("/operators/" + user + "/cap", "{\"cap\":20}"), 403, "forbidden");
        assertRefused(scenario.as("admin").put("/operators/" + user + "/cap", "{\"cap\":20}"), 403, "forbidden");
        assertRefused(operator.get("/operators"), 403, "forbidden");
    }

    @Test
    void theCitizenSeesThePositionAndTheEstimateWhichMoveAsChatsAreTaken() throws Exception {
        Api operator = newOperator("op-estimate");
        Opened ahead = openGeneralist();
        Opened behind = openGeneralist();

        JsonObject before = waiting(behind);
        assertThat(before.getString("status")).isEqualTo("WAITING");
        int position = before.getInt("position");
        assertThat(waiting(ahead).getInt("position")).isEqualTo(position - 1);
        assertThat(before.getBoolean("nobodyAvailable")).isFalse();
        assertThat(before.getInt("estimatedMinutes")).isPositive();

        ChatIT.Socket socket = ChatIT.Socket.connect(behind.id());
        try {
            socket.send(behind.token());
            assertThat(socket.next().getString("type")).isEqualTo("ready");

            assertThat(operator.post("/chats/" + ahead.id() + "/take", null).status())
                    .isEqualTo(200);
            JsonObject after = waiting(behind);
            assertThat(after.getInt("position")).as("one chat ahead was taken").isEqualTo(position - 1);
            JsonObject taken = waiting(ahead);
            assertThat(taken.getString("status")).isEqualTo("TAKEN");
            assertThat(taken.get("position")).as("no position once taken").isIn(null, JsonValue.NULL);

            // the same news pushed on the citizen's socket, after the commit
            JsonObject pushed = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                String text = socket.received.poll(1, TimeUnit.SECONDS);
                if (text != null && text.contains("\"waiting\"")) {
                    JsonObject message = jakarta.json.Json.createReader(new java.io.StringReader(text))
                            .readObject();
                    if (message.getJsonObject("waiting").getInt("position") == position - 1) {
                        pushed = message;
                        break;
                    }
                }
            }
            assertThat(pushed).as("a waiting push with the new position").isNotNull();
            assertThat(pushed.getJsonObject("waiting").getJsonNumber("chatId").longValue())
                    .isEqualTo(behind.id());
        } finally {
            socket.close();
            operator.post("/chats/" + ahead.id() + "/close", "{\"outcome\":\"INFORMATION\"}");
        }

        assertRefused(
                scenario.anonymous().get("/citizen/chats/" + behind.id() + "/waiting", "X-Chat-Token", "wrong"),
                404,
                "chat_not_found");
        assertRefused(scenario.anonymous().get("/citizen/chats/" + behind.id() + "/waiting"), 404, "chat_not_found");
    }

    @Test
    void whenNoOperatorOfThePlatformIsAvailableTheCitizenIsToldSo() {
        Api vss = scenario.as("operatrice-vss");
        Opened chat = open("VICTIM", "SEXUAL_VIOLENCE");
        try {
            assertThat(waiting(chat).getBoolean("nobodyAvailable")).isFalse();
            assertThat(setStatus(vss, "ON_BREAK").status()).isEqualTo(200);
            JsonObject nobody = waiting(chat);
            assertThat(nobody.getBoolean("nobodyAvailable")).isTrue();
            assertThat(nobody.get("estimatedMinutes")).as("no estimate").isIn(null, JsonValue.NULL);
            assertThat(nobody.getInt("position")).isPositive();
        } finally {
            assertThat(setStatus(vss, "AVAILABLE").status()).isEqualTo(200);
        }
        assertThat(waiting(chat).getBoolean("nobodyAvailable")).isFalse();
    }

    @Test
    void adminsKeepTheCannedAnswersAndEachPlatformsStaffReadsItsOwn() {
        Api admin = scenario.as("admin");
        String marker = "essai-" + System.nanoTime();
        var created = admin.post(
                "/canned-answers",
                "{\"platform\":\"GENERALIST\",\"kind\":\"ANSWER\",\"title\":\"Accueil " + marker
                        + "\",\"body\":\"Bonjour, je suis policier. <b>Je vous écoute.</b>\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long answer = created.json().getJsonNumber("id").longValue();
        var link = admin.post(
                "/canned-answers",
                "{\"platform\":\"VSS\",\"kind\":\"LINK\",\"title\":\"Écoute " + marker
                        + "\",\"body\":\"Écoute anonyme et gratuite :\",\"url\":\"https://arretonslesviolences.gouv.fr/\"}");
        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        long vssLink = link.json().getJsonNumber("id").longValue();
        assertThat(link.json().getString("text"))
                .isEqualTo("Écoute anonyme et gratuite : https://arretonslesviolences.gouv.fr/");

        var generalist = scenario.as("operateur").get("/canned-answers");
        assertThat(generalist.status()).isEqualTo(200);
        assertThat(titles(generalist)).contains("Accueil " + marker).doesNotContain("Écoute " + marker);
        assertThat(titles(scenario.as("operatrice-vss").get("/canned-answers")))
                .contains("Écoute " + marker)
                .doesNotContain("Accueil " + marker);
        assertThat(titles(scenario.as("operateur").get("/canned-answers?platform=VSS")))
                .as("staff read their own platform's only, whatever they ask")
                .doesNotContain("Écoute " + marker);
        assertThat(titles(admin.get("/canned-answers"))).contains("Accueil " + marker, "Écoute " + marker);
        assertThat(titles(admin.get("/canned-answers?platform=VSS"))).doesNotContain("Accueil " + marker);

        assertRefused(
                scenario.as("operateur")
                        .post(
                                "/canned-answers",
                                "{\"platform\":\"GENERALIST\",\"kind\":\"ANSWER\",\"title\":\"t\",\"body\":\"b\"}"),
                403,
                "forbidden");
        assertRefused(scenario.as("operateur").send("DELETE", "/canned-answers/" + answer, null), 403, "forbidden");
        assertRefused(scenario.as("agent-guyancourt").get("/canned-answers"), 403, "forbidden");
        assertRefused(scenario.as("auditeur").get("/canned-answers"), 403, "forbidden");
        assertRefused(scenario.anonymous().get("/canned-answers"), 401, null);

        var updated = admin.put(
                "/canned-answers/" + answer,
                "{\"platform\":\"GENERALIST\",\"kind\":\"ANSWER\",\"title\":\"Accueil " + marker
                        + "\",\"body\":\"Bonjour, que s'est-il passé ?\"}");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().getString("text")).isEqualTo("Bonjour, que s'est-il passé ?");

        int count = admin.get("/canned-answers").array().size();
        assertRefused(
                admin.post("/canned-answers", "{\"platform\":\"GENERALIST\",\"kind\":\"ANSWER\",\"body\":\"b\"}"),
                400,
                "invalid_title");
        assertRefused(
                admin.post(
                        "/canned-answers",
                        "{\"platform\":\"GENERALIST\",\"kind\":\"LINK\",\"title\":\"t\",\"body\":\"b\",\"url\":\"javascript:alert(1)\"}"),
                400,
                "invalid_url");
        assertRefused(
                admin.post(
                        "/canned-answers",
                        "{\"platform\":\"MARS\",\"kind\":\"ANSWER\",\"title\":\"t\",\"body\":\"b\"}"),
                400,
                "invalid_platform");
        assertRefused(
                admin.post(
                        "/canned-answers", "{\"platform\":\"VSS\",\"kind\":\"POEM\",\"title\":\"t\",\"body\":\"b\"}"),
                400,
                "invalid_kind");
        assertRefused(
                admin.post(
                        "/canned-answers",
                        "{\"platform\":\"VSS\",\"kind\":\"ANSWER\",\"title\":\"t\",\"body\":\"" + "x".repeat(1001)
                                + "\"}"),
                400,
                "invalid_body_text");
        assertRefused(admin.post("/canned-answers", "[1,2"), 400, "invalid_json");
        assertRefused(
                admin.put(
                        "/canned-answers/" + answer,
                        "{\"platform\":\"GENERALIST\",\"kind\":\"ANSWER\",\"title\":\" \",\"body\":\"b\"}"),
                400,
                "invalid_title");
        assertThat(admin.get("/canned-answers").array()).as("nothing stored").hasSize(count);
        assertThat(titles(scenario.as("operateur").get("/canned-answers")))
                .as("the refused update changed nothing")
                .contains("Accueil " + marker);
        assertRefused(
                admin.put(
                        "/canned-answers/999999999",
                        "{\"platform\":\"VSS\",\"kind\":\"ANSWER\",\"title\":\"t\",\"body\":\"b\"}"),
                404,
                "canned_answer_not_found");

        assertThat(admin.send("DELETE", "/canned-answers/" + answer, null).status())
                .isEqualTo(204);
        assertThat(admin.send("DELETE", "/canned-answers/" + vssLink, null).status())
                .isEqualTo(204);
        assertRefused(admin.send("DELETE", "/canned-answers/" + answer, null), 404, "canned_answer_not_found");
        assertThat(titles(admin.get("/canned-answers"))).doesNotContain("Accueil " + marker, "Écoute " + marker);
    }

    static List<String> titles(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.array().stream()
                .map(v -> v.asJsonObject().getString("title"))
                .toList();
    }
}
