package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The acknowledgement target as timers (issue 9) and the supervisors' alerts (issue 11), over HTTP on the
 * system tests' server: the timers are made due by moving their jobs' due dates in the engine's tables.
 */
class EscalationSystemIT {
    static final RelaisServer server = TestEnvironment.server();

    static final Scenario scenario = new Scenario(server.baseUrl());

    static Api as(String user) {
        return scenario.as(user);
    }

    @Test
    void aMissedAcknowledgementAlertsTheSupervisorsThenTheDepartmentalLevelWhichReadsTheReport() throws Exception {
        long id = scenario.forwardedReport(); // Guyancourt's police station, department 78
        assertThat(timers(id)).as("two timers wait on the acknowledgement").isEqualTo(2);
        assertThat(as("agent-ddpn78").get("/reports/" + id).status())
                .as("not escalated yet")
                .isEqualTo(404);

        makeTimerDue(id, "Timer_AcknowledgementMissed");
        JsonObject missed = awaitAlert(id, "ACK_MISSED");
        assertThat(missed.getString("platform")).isEqualTo("GENERALIST");
        assertThat(missed.getString("unitCode")).isEqualTo("CSP-GUYANCOURT");
        assertThat(absent(missed, "acknowledgedBy")).isTrue();
        assertThat(breaches(id, "ACKNOWLEDGE")).isEqualTo(1);
        var atTheUnit = as("agent-guyancourt").get("/reports/" + id).json();
        assertThat(absent(atTheUnit, "escalatedAt")).isFalse();
        assertThat(absent(atTheUnit, "escalatedToDepartmentAt")).isTrue();
        assertThat(atTheUnit.getString("nextStep"))
                .as("the report stays with the unit")
                .isEqualTo("ACKNOWLEDGE");
        assertThat(as("agent-ddpn78").get("/reports/" + id).status())
                .as("the supervisors first, the department at the second deadline")
                .isEqualTo(404);

        makeTimerDue(id, "Timer_AcknowledgementMissedTwice");
        awaitAlert(id, "ACK_MISSED_DEPARTMENT");
        assertThat(breaches(id, "ACKNOWLEDGE_DEPARTMENT")).isEqualTo(1);
        assertThat(timers(id)).isZero();

        assertThat(as("agent-ddpn78").get("/inbox?scope=escalated").array().getValuesAs(JsonObject.class))
                .anySatisfy(r -> {
                    assertThat(r.getJsonNumber("id").longValue()).isEqualTo(id);
                    assertThat(r.getBoolean("readOnly")).isTrue();
                    assertThat(r.getString("departmentUnit")).isEqualTo("POLICE-78");
                    assertThat(r.getString("unitCode")).isEqualTo("CSP-GUYANCOURT");
                });
        var detail = as("agent-ddpn78").get("/reports/" + id);
        assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
        assertThat(detail.json().getBoolean("readOnly")).isTrue();
        assertThat(absent(detail.json(), "nextStep")).as("read only").isTrue();
        assertThat(detail.json().getString("narrative")).isNotBlank();
        assertThat(as("agent-ddpn78")
                        .post("/reports/" + id + "/acknowledge", null)
                        .status())
                .as("the department does not answer for the unit")
                .isEqualTo(404);
        assertThat(as("agent-ddpn78")
                        .post("/reports/" + id + "/take-over", null)
                        .status())
                .isEqualTo(404);
        assertThat(as("agent-ddpn78").get("/inbox").array().getValuesAs(JsonObject.class))
                .noneMatch(r -> r.getJsonNumber("id").longValue() == id);

        for (String other : List.of("agent-ddpn33", "agent-versailles")) {
            assertThat(as(other).get("/reports/" + id).status()).as(other).isEqualTo(404);
            assertThat(as(other).get("/inbox?scope=escalated").array().getValuesAs(JsonObject.class))
                    .as(other)
                    .noneMatch(r -> r.getJsonNumber("id").longValue() == id);
        }

        var acknowledged = as("agent-guyancourt").post("/reports/" + id + "/acknowledge", null);
        assertThat(acknowledged.status())
                .as("the unit still acknowledges: " + acknowledged)
                .isEqualTo(200);
    }

    @Test
    void theSupervisorAcknowledgesAnAlertOnceAndItStaysWithWhoAndWhen() throws Exception {
        long id = scenario.forwardedReport();
        makeTimerDue(id, "Timer_AcknowledgementMissed");
        long alert = awaitAlert(id, "ACK_MISSED").getJsonNumber("id").longValue();

        assertThat(as("operateur").get("/alerts").status()).isEqualTo(403);
        assertThat(as("agent-guyancourt").get("/alerts").status()).isEqualTo(403);
        assertThat(as("auditeur").get("/alerts").status()).isEqualTo(403);
        assertThat(as("operateur")
                        .post("/alerts/" + alert + "/acknowledge", null)
                        .status())
                .isEqualTo(403);
        assertThat(as("superviseur").get("/alerts?state=closed").status()).isEqualTo(400);
        assertThat(as("superviseur").post("/alerts/999999999/acknowledge", null).status())
                .isEqualTo(404);
        assertThat(as("admin").get("/alerts").array().getValuesAs(JsonObject.class))
                .as("an admin sees every platform's alerts")
                .anyMatch(a -> a.getJsonNumber("id").longValue() == alert);

        Instant before = Instant.now().minusSeconds(5);
        var done = as("superviseur").post("/alerts/" + alert + "/acknowledge", null);
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().getString("acknowledgedBy")).isEqualTo("superviseur");
        assertThat(Instant.parse(done.json().getString("acknowledgedAt"))).isAfter(before);

        var twice = as("superviseur").post("/alerts/" + alert + "/acknowledge", null);
        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
        assertThat(twice.json().getString("error")).isEqualTo("alert_already_acknowledged");

        assertThat(as("superviseur").get("/alerts?state=open").array().getValuesAs(JsonObject.class))
                .noneMatch(a -> a.getJsonNumber("id").longValue() == alert);
        assertThat(as("superviseur").get("/alerts?state=acknowledged").array().getValuesAs(JsonObject.class))
                .anySatisfy(a -> {
                    assertThat(a.getJsonNumber("id").longValue()).isEqualTo(alert);
                    assertThat(a.getString("acknowledgedBy")).isEqualTo("superviseur");
                    assertThat(a.getString("acknowledgedAt")).isNotBlank();
                });
    }

    @Test
    void acknowledgingInTimeStopsTheTimersAndNothingIsEscalated() throws Exception {
        long id = scenario.forwardedReport();
        assertThat(timers(id)).isEqualTo(2);

        var acknowledged = as("agent-guyancourt").post("/reports/" + id + "/acknowledge", null);
        assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);

        assertThat(timers(id)).as("the task ended, its timers with it").isZero();
        assertThat(as("superviseur").get("/alerts").array().getValuesAs(JsonObject.class))
                .noneMatch(a ->
                        !absent(a, "reportId") && a.getJsonNumber("reportId").longValue() == id);
        assertThat(breaches(id, "ACKNOWLEDGE")).isZero();
        assertThat(absent(as("agent-guyancourt").get("/reports/" + id).json(), "escalatedAt"))
                .isTrue();
    }

    @Test
    void aChatNobodyTakesInChargeIn2MinutesRaisesAnAlert() throws Exception {
        long chat = scenario.openChat("Bonjour, personne ne répond ?");
        DeliverySystemIT.makeTakeInChargeTimerDue(chat);

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Optional<JsonObject> alert;
        do {
            alert = as("superviseur").get("/alerts").array().getValuesAs(JsonObject.class).stream()
                    .filter(a -> "TAKE_CHAT_BREACH".equals(a.getString("kind")))
                    .filter(a ->
                            !absent(a, "chatId") && a.getJsonNumber("chatId").longValue() == chat)
                    .findFirst();
            if (alert.isEmpty()) {
                Thread.sleep(200);
            }
        } while (alert.isEmpty() && System.nanoTime() < deadline);
        assertThat(alert).as("alert of chat " + chat).isPresent();
        assertThat(absent(alert.get(), "reportId")).isTrue();
    }

    /** The API leaves out what is null. */
    static boolean absent(JsonObject o, String key) {
        return !o.containsKey(key) || o.isNull(key);
    }

    /** The open alert of this kind about the report, once the job executor ran the timer. */
    static JsonObject awaitAlert(long reportId, String kind) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            Optional<JsonObject> found = as("superviseur").get("/alerts").array().getValuesAs(JsonObject.class).stream()
                    .filter(a -> kind.equals(a.getString("kind")))
                    .filter(a -> !absent(a, "reportId")
                            && a.getJsonNumber("reportId").longValue() == reportId)
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no " + kind + " alert for report " + reportId + " within 60 s");
    }

    /** One of the acknowledgement's timers of the report's process, due now. */
    static void makeTimerDue(long reportId, String timer) throws Exception {
        try (Connection c = database();
                PreparedStatement due = c.prepareStatement("update ACT_RU_JOB j"
                        + " join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_"
                        + " join ACT_RU_EXECUTION e on e.PROC_INST_ID_ = j.PROCESS_INSTANCE_ID_ and e.ID_ = e.PROC_INST_ID_"
                        + " set j.DUEDATE_ = timestampadd(SECOND, -1, utc_timestamp())"
                        + " where e.BUSINESS_KEY_ = ? and j.PROCESS_DEF_KEY_ = 'ReportLifecycle' and d.ACT_ID_ = ?")) {
            due.setString(1, String.valueOf(reportId));
            due.setString(2, timer);
            assertThat(due.executeUpdate()).as(timer + " of report " + reportId).isEqualTo(1);
        }
    }

    /** The acknowledgement's timers waiting in the report's process. */
    static int timers(long reportId) throws Exception {
        try (Connection c = database();
                PreparedStatement count = c.prepareStatement("select count(*) from ACT_RU_JOB j"
                        + " join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_"
                        + " join ACT_RU_EXECUTION e on e.PROC_INST_ID_ = j.PROCESS_INSTANCE_ID_ and e.ID_ = e.PROC_INST_ID_"
                        + " where e.BUSINESS_KEY_ = ? and j.PROCESS_DEF_KEY_ = 'ReportLifecycle'"
                        + " and d.ACT_ID_ in ('Timer_AcknowledgementMissed', 'Timer_AcknowledgementMissedTwice')")) {
            count.setString(1, String.valueOf(reportId));
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static int breaches(long reportId, String step) throws Exception {
        try (Connection c = database();
                PreparedStatement count =
                        c.prepareStatement("select count(*) from sla_breach where report_id = ? and step = ?")) {
            count.setLong(1, reportId);
            count.setString(2, step);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static Connection database() throws Exception {
        var db = TestEnvironment.systemDatabase();
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }
}
