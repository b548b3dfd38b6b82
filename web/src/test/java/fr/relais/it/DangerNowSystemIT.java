package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Danger now on the shared server, over HTTP with the demo accounts: a danger-now chat goes ahead of
 * the queue; the operator holding a chat raises a request to the 24-hour desk covering the place; only
 * that unit sees and acknowledges it; the operator and the auditors read it; late ones are escalated.
 */
class DangerNowSystemIT {
    static final RelaisServer server = TestEnvironment.server();
    static final Scenario scenario = new Scenario(server.baseUrl());

    static Api as(String user) {
        return scenario.as(user);
    }

    @Test
    void aDangerNowChatWaitsAheadOfOlderChatsInTheQueue() {
        long older = scenario.openChat("Bonjour, une question sur une plainte.");
        long danger = openDangerNowChat("Il est devant ma porte avec un couteau.");

        var reply = as("operateur").get("/chats?scope=queue");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<JsonObject> queue = reply.array().getValuesAs(JsonObject.class);
        List<Long> ids =
                queue.stream().map(c -> c.getJsonNumber("id").longValue()).toList();
        assertThat(ids).contains(older, danger);
        assertThat(ids.indexOf(danger)).as("danger-now first").isLessThan(ids.indexOf(older));
        assertThat(queue.get(ids.indexOf(danger)).getBoolean("dangerNow")).isTrue();
        assertThat(queue.get(ids.indexOf(older)).getBoolean("dangerNow")).isFalse();
        List<Boolean> flags = queue.stream().map(c -> c.getBoolean("dangerNow")).toList();
        assertThat(flags.subList(flags.lastIndexOf(true) + 1, flags.size()))
                .as("no danger-now chat after an ordinary one")
                .doesNotContain(true);
    }

    @Test
    void theOperatorRaisesARequestTheCompetentDeskAloneSeesAndAcknowledgesAndTheOperatorSeesIt() throws Exception {
        var opened = openDangerNow("Mon ex est en train de casser la porte.");
        long chat = opened.getJsonNumber("id").longValue();
        String token = opened.getString("token");
        take(chat);

        var raised =
                raise("operateur", chat, "78280", "Guyancourt", "Ex-conjoint violent qui force la porte, 3 rue X.");
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        long id = raised.json().getJsonNumber("id").longValue();
        assertThat(raised.json().getString("unitCode")).isEqualTo("CSP-GUYANCOURT");
        assertThat(raised.json().getBoolean("acknowledged")).isFalse();

        // only the target unit sees it, without the chat nor the operator
        var desk = as("agent-guyancourt").get("/danger-now");
        assertThat(desk.status()).isEqualTo(200);
        JsonObject seen = desk.array().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getJsonNumber("id").longValue() == id)
                .findFirst()
                .orElseThrow(() -> new AssertionError("not on the desk: " + desk));
        assertThat(seen.keySet()).doesNotContain("chatId", "raisedBy", "operator");
        assertThat(seen.getString("summary")).contains("force la porte");
        assertThat(seen.getBoolean("acknowledged")).isFalse();
        assertThat(as("agent-guyancourt").get("/danger-now/" + id).status()).isEqualTo(200);

        assertThat(as("agent-versailles").get("/danger-now").array().getValuesAs(JsonObject.class))
                .noneMatch(r -> r.getJsonNumber("id").longValue() == id);
        var otherUnit = as("agent-versailles").get("/danger-now/" + id);
        assertThat(otherUnit.status()).isEqualTo(404);
        assertThat(otherUnit.json().getString("error")).isEqualTo("danger_request_not_found");
        assertThat(as("agent-versailles")
                        .post("/danger-now/" + id + "/acknowledge", null)
                        .status())
                .isEqualTo(404);
        assertThat(as("auditeur")
                        .post("/danger-now/" + id + "/acknowledge", null)
                        .status())
                .isEqualTo(403);
        assertThat(as("operateur")
                        .post("/danger-now/" + id + "/acknowledge", null)
                        .status())
                .isEqualTo(403);

        // one open request per chat at a time
        var again = raise("operateur", chat, "78280", "Guyancourt", "Encore là.");
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().getString("error")).isEqualTo("danger_request_open");

        var acknowledged = as("agent-guyancourt").post("/danger-now/" + id + "/acknowledge", null);
        assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
        assertThat(acknowledged.json().getBoolean("acknowledged")).isTrue();
        assertThat(acknowledged.json().getString("acknowledgedBy")).isEqualTo("agent-guyancourt");
        var twice = as("agent-guyancourt").post("/danger-now/" + id + "/acknowledge", null);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().getString("error")).isEqualTo("danger_already_acknowledged");

        // the operator sees the acknowledgement, and the conversation goes on
        JsonObject forOperator = as("operateur")
                .get("/chats/" + chat + "/danger-now")
                .array()
                .getValuesAs(JsonObject.class)
                .get(0);
        assertThat(forOperator.getJsonNumber("id").longValue()).isEqualTo(id);
        assertThat(forOperator.getBoolean("acknowledged")).isTrue();
        assertThat(forOperator.getString("acknowledgedBy")).isEqualTo("agent-guyancourt");
        assertThat(forOperator.getString("acknowledgedAt")).isNotBlank();
        assertThat(as("operateur")
                        .post("/chats/" + chat + "/messages", "{\"text\":\"La police arrive. Restez en ligne.\"}")
                        .status())
                .isEqualTo(201);

        // the history: system lines with times for staff, never for the citizen
        List<JsonObject> transcript =
                as("operateur").get("/chats/" + chat + "/messages").array().getValuesAs(JsonObject.class);
        assertThat(transcript)
                .extracting(l -> l.getString("author"))
                .containsSubsequence("CITIZEN", "DANGER_RAISED", "DANGER_ACKNOWLEDGED", "OPERATOR");
        assertThat(transcript)
                .filteredOn(l -> l.getString("author").startsWith("DANGER_"))
                .allSatisfy(l -> {
                    assertThat(l.getString("text")).isEqualTo("Commissariat de police de Guyancourt");
                    assertThat(l.getString("sentAt")).isNotBlank();
                });
        List<JsonObject> citizen = scenario.anonymous()
                .get("/citizen/chats/" + chat + "/messages", "X-Chat-Token", token)
                .array()
                .getValuesAs(JsonObject.class);
        assertThat(citizen).extracting(l -> l.getString("author")).containsOnly("CITIZEN", "OPERATOR");

        // auditors read it; the process history has the acknowledgement
        var audited = as("auditeur").get("/chats/" + chat + "/danger-now");
        assertThat(audited.status()).isEqualTo(200);
        assertThat(audited.array()).hasSize(1);
        assertThat(processEnd(id)).isEqualTo("EndEvent_DangerNowAcknowledged");

        // acknowledged: a new request may be raised
        assertThat(raise("operateur", chat, "78000", null, "Il revient.").status())
                .isEqualTo(201);
    }

    @Test
    void onlyTheOperatorHoldingTheChatRaisesARequest() {
        long chat = openDangerNowChat("Aidez-moi.");
        var waiting = raise("operateur", chat, "78280", "Guyancourt", "Danger");
        assertThat(waiting.status()).as("nobody holds it yet").isEqualTo(409);
        take(chat);

        var colleague = raise("operateur2", chat, "78280", "Guyancourt", "Danger");
        assertThat(colleague.status()).isEqualTo(409);
        assertThat(colleague.json().getString("error")).isEqualTo("chat_not_held");
        assertThat(raise("operatrice-vss", chat, "78280", "Guyancourt", "Danger")
                        .status())
                .as("another platform's chat does not exist")
                .isEqualTo(404);
        assertThat(raise("agent-guyancourt", chat, "78280", "Guyancourt", "Danger")
                        .status())
                .isEqualTo(403);
        assertThat(raise("auditeur", chat, "78280", "Guyancourt", "Danger").status())
                .isEqualTo(403);
        assertThat(as("operatrice-vss").get("/chats/" + chat + "/danger-now").status())
                .isEqualTo(404);
        assertThat(as("agent-guyancourt").get("/chats/" + chat + "/danger-now").status())
                .isEqualTo(403);
        assertThat(scenario.anonymous()
                        .post("/chats/" + chat + "/danger-now", "{\"postalCode\":\"78280\",\"summary\":\"x\"}")
                        .status())
                .as("no account")
                .isIn(401, 403);
        assertThat(scenario.anonymous().get("/danger-now").status()).isIn(401, 403);
        assertThat(as("operateur").get("/chats/" + chat + "/danger-now").array())
                .as("nothing raised by the refused callers")
                .isEmpty();
    }

    @Test
    void badInputIsRefusedWithAClearCodeAndNothingIsStored() {
        long chat = openDangerNowChat("Au secours.");
        take(chat);

        assertRefused(raise("operateur", chat, "7828", "Guyancourt", "Danger"), "invalid_postal_code");
        assertRefused(raise("operateur", chat, null, "Guyancourt", "Danger"), "invalid_postal_code");
        assertRefused(raise("operateur", chat, "78280", "Guyancourt", "  "), "invalid_summary");
        assertRefused(raise("operateur", chat, "78280", "Guyancourt", "x".repeat(1001)), "invalid_summary");
        assertRefused(raise("operateur", chat, "78280", "G".repeat(101), "Danger"), "invalid_commune");
        assertRefused(
                raise("operateur", chat, "78460", "Chevreuse", "Danger"), "no_desk_for_place"); // brigade, no 24 h desk
        assertRefused(raise("operateur", chat, "99999", null, "Danger"), "no_desk_for_place");
        assertRefused(as("operateur").post("/chats/" + chat + "/danger-now", "{\"postalCode\":"), "invalid_json");
        assertThat(as("operateur").post("/chats/" + chat + "/danger-now", null).status())
                .isEqualTo(400);
        assertThat(as("operateur")
                        .post("/chats/999999999/danger-now", "{\"postalCode\":\"78280\",\"summary\":\"x\"}")
                        .status())
                .isEqualTo(404);
        assertThat(as("agent-guyancourt").get("/danger-now/999999999").status()).isEqualTo(404);

        assertThat(as("operateur").get("/chats/" + chat + "/danger-now").array())
                .as("nothing stored")
                .isEmpty();
        assertThat(as("operateur").get("/chats/" + chat + "/messages").array().getValuesAs(JsonObject.class))
                .extracting(l -> l.getString("author"))
                .containsOnly("CITIZEN");
    }

    @Test
    void aRequestNotAcknowledgedIn5MinutesAlertsTheSupervisorsAndStaysWithTheDesk() throws Exception {
        long chat = openDangerNowChat("Il me frappe.");
        take(chat);
        var raised = raise("operateur", chat, "78000", "Versailles", "Violences en cours.");
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        long id = raised.json().getJsonNumber("id").longValue();

        makeTimerDue(id);
        JsonObject escalated = awaitEscalation(chat);
        assertThat(escalated.getBoolean("acknowledged")).isFalse();
        assertThat(breaches(chat)).isEqualTo(1);
        assertThat(as("operateur").get("/chats/" + chat + "/messages").array().getValuesAs(JsonObject.class))
                .extracting(l -> l.getString("author"))
                .contains("DANGER_ESCALATED");

        var desk = as("agent-versailles").get("/danger-now/" + id);
        assertThat(desk.json().getBoolean("escalated")).isTrue();
        assertThat(as("agent-versailles")
                        .post("/danger-now/" + id + "/acknowledge", null)
                        .status())
                .as("the desk still acknowledges it")
                .isEqualTo(200);
        assertThat(processEnd(id)).isEqualTo("EndEvent_DangerNowAcknowledged");
    }

    private static void assertRefused(Api.Reply reply, String code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.json().getString("error")).isEqualTo(code);
        assertThat(reply.json().getString("message")).isNotBlank();
    }

    static JsonObject openDangerNow(String message) {
        var reply = scenario.anonymous()
                .post(
                        "/citizen/chats",
                        "{\"door\":\"VICTIM\",\"topic\":\"DANGER_NOW\",\"message\":" + Scenario.json(message) + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    static long openDangerNowChat(String message) {
        return openDangerNow(message).getJsonNumber("id").longValue();
    }

    static void take(long chat) {
        var taken = as("operateur").post("/chats/" + chat + "/take", null);
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
    }

    static Api.Reply raise(String user, long chat, String postalCode, String commune, String summary) {
        return as(user).post(
                        "/chats/" + chat + "/danger-now",
                        "{\"postalCode\":" + (postalCode == null ? "null" : Scenario.json(postalCode))
                                + ",\"commune\":" + (commune == null ? "null" : Scenario.json(commune))
                                + ",\"summary\":" + Scenario.json(summary) + "}");
    }

    /** Drives the 5-minute timer: makes its job due now, and the job executor runs it (no waiting 5 minutes). */
    static void makeTimerDue(long requestId) throws Exception {
        try (Connection c = database();
                PreparedStatement due = c.prepareStatement("update ACT_RU_JOB j join ACT_RU_EXECUTION e"
                        + " on e.PROC_INST_ID_ = j.PROCESS_INSTANCE_ID_ and e.ID_ = e.PROC_INST_ID_"
                        + " set j.DUEDATE_ = timestampadd(SECOND, -1, utc_timestamp())"
                        + " where e.BUSINESS_KEY_ = ? and j.PROCESS_DEF_KEY_ = 'DangerNow'")) {
            due.setString(1, String.valueOf(requestId));
            assertThat(due.executeUpdate()).as("the request's timer job").isEqualTo(1);
        }
    }

    static JsonObject awaitEscalation(long chat) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonObject last;
        do {
            last = as("operateur")
                    .get("/chats/" + chat + "/danger-now")
                    .array()
                    .getValuesAs(JsonObject.class)
                    .get(0);
            if (last.containsKey("escalatedAt") && !last.isNull("escalatedAt")) {
                return last;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("not escalated within 30 s: " + last);
    }

    static int breaches(long chat) throws Exception {
        try (Connection c = database();
                PreparedStatement count = c.prepareStatement(
                        "select count(*) from sla_breach where chat_id = ? and step = 'DANGER_NOW_ACK'")) {
            count.setLong(1, chat);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Where the request's process ended, from the engine's history (null while it runs). */
    static String processEnd(long requestId) throws Exception {
        try (Connection c = database();
                PreparedStatement end = c.prepareStatement("select END_ACT_ID_ from ACT_HI_PROCINST"
                        + " where BUSINESS_KEY_ = ? and PROC_DEF_KEY_ = 'DangerNow'")) {
            end.setString(1, String.valueOf(requestId));
            try (ResultSet rs = end.executeQuery()) {
                assertThat(rs.next())
                        .as("a DangerNow process for request " + requestId)
                        .isTrue();
                return rs.getString(1);
            }
        }
    }

    static Connection database() throws Exception {
        var db = TestEnvironment.systemDatabase();
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }
}
