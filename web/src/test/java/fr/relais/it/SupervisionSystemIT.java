package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The supervision's figures over HTTP against the shared server. A scripted day of chats with known
 * timings is written into the read model for a day of 2020 nobody else uses — 29 March 2020, when Paris
 * went from UTC+1 to UTC+2, so its day has 23 hours — and must give exactly the expected counts,
 * percentiles (nearest rank) and breaches; live chats must reach the read model in the transaction of
 * their opening and take.
 */
class SupervisionSystemIT {
    static final RelaisServer server = TestEnvironment.server();
    static final Scenario scenario = new Scenario(server.baseUrl());
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void aScriptedDayGivesExactlyTheExpectedFiguresOnTheDayClocksChange() throws Exception {
        Instant dayStart = LocalDate.of(2020, 3, 29).atStartOfDay(PARIS).toInstant();
        Instant dayEnd = LocalDate.of(2020, 3, 30).atStartOfDay(PARIS).toInstant();
        assertThat(Duration.between(dayStart, dayEnd)).isEqualTo(Duration.ofHours(23));
        long base = 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        // take-in-charge delays in seconds of ten VSS chats; one more never taken; one opened just before
        // and one just after the day (not counted); chats opened around 02:00 (the hour that does not exist)
        long[] delays = {15, 20, 35, 40, 50, 55, 60, 70, 80, 200};
        try (Connection c = SecurityIT.database()) {
            // the scripted day is ours alone: clear what an earlier run of this test left
            try (PreparedStatement clear =
                    c.prepareStatement("delete from chat_fact where opened_at >= ? and opened_at < ?")) {
                clear.setTimestamp(1, utc(dayStart.minusSeconds(3600)));
                clear.setTimestamp(2, utc(dayEnd.plusSeconds(3600)));
                clear.executeUpdate();
            }
            Instant opened = dayStart.plus(Duration.ofMinutes(90)); // 01:30 Paris, then across 03:00 summer time
            for (int i = 0; i < delays.length; i++) {
                Instant at = opened.plus(Duration.ofMinutes(7L * i));
                insert(c, base + i, "VSS", at, at.plusSeconds(delays[i]));
            }
            insert(c, base + 20, "VSS", dayEnd.minusSeconds(30), null); // never taken, past the target
            insert(c, base + 21, "VSS", dayStart.minusSeconds(1), dayStart.plusSeconds(500));
            insert(c, base + 22, "VSS", dayEnd, dayEnd.plusSeconds(500));
            insert(c, base + 23, "GENERALIST", dayStart.plusSeconds(10), dayStart.plusSeconds(900));
        }

        var reply = scenario.as("admin").get("/supervision/chats?platform=VSS&from=" + dayStart + "&to=" + dayEnd);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonObject figures = reply.json();
        assertThat(figures.getInt("opened")).isEqualTo(11);
        assertThat(figures.getInt("taken")).isEqualTo(10);
        assertThat(figures.getInt("takenWithinTarget")).isEqualTo(9);
        assertThat(figures.getJsonNumber("shareTakenWithinTarget").doubleValue())
                .isEqualTo(0.9);
        assertThat(figures.getJsonNumber("delayMedianSeconds").longValue()).isEqualTo(50);
        assertThat(figures.getJsonNumber("delayP90Seconds").longValue()).isEqualTo(80);
        assertThat(figures.getJsonNumber("delayP99Seconds").longValue()).isEqualTo(200);
        assertThat(figures.getInt("breaches"))
                .as("one taken late, one never taken")
                .isEqualTo(2);
        assertThat(figures.getString("percentileMethod")).isEqualTo("nearest-rank");

        var generalist =
                scenario.as("admin").get("/supervision/chats?platform=GENERALIST&from=" + dayStart + "&to=" + dayEnd);
        assertThat(generalist.json().getInt("opened")).isEqualTo(1);
        assertThat(generalist.json().getInt("breaches")).isEqualTo(1);
    }

    @Test
    void aLiveChatReachesTheReadModelWhenOpenedAndWhenTaken() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        long chat = scenario.openChat("Bonjour, je voudrais de l'aide.");
        try (Connection c = SecurityIT.database()) {
            assertThat(fact(c, chat, "platform")).isEqualTo("GENERALIST");
            assertThat(fact(c, chat, "first_taken_at")).isNull();
            var waiting = scenario.as("superviseur").get("/supervision/chats?from=" + before);
            assertThat(waiting.status()).as(waiting.toString()).isEqualTo(200);
            assertThat(waiting.json().getInt("waiting")).isGreaterThanOrEqualTo(1);
            assertThat(waiting.json().getInt("opened")).isGreaterThanOrEqualTo(1);

            assertThat(scenario.as("operateur")
                            .post("/chats/" + chat + "/take", null)
                            .status())
                    .isEqualTo(200);
            assertThat(fact(c, chat, "first_taken_by")).isEqualTo("operateur");
            long delay = Long.parseLong(fact(c, chat, "take_delay_ms"));
            assertThat(delay).isBetween(0L, Duration.ofMinutes(2).toMillis());
        }
        var taken = scenario.as("superviseur").get("/supervision/chats?from=" + before);
        assertThat(taken.json().getInt("taken")).isGreaterThanOrEqualTo(1);
        assertThat(taken.json().getInt("takenWithinTarget")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theHandoffsOfADepartmentShowEachUnitsCounts() {
        Instant before = Instant.now().minusSeconds(1);
        long report = scenario.forwardedReport();
        String unit = scenario.as("operateur").get("/reports/" + report).json().getString("unitCode");
        var reply = scenario.as("superviseur").get("/supervision/handoffs?department=78&from=" + before);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.array().getValuesAs(JsonObject.class))
                .isNotEmpty()
                .allSatisfy(u -> assertThat(u.getString("department")).isEqualTo("78"))
                .anySatisfy(u -> {
                    // the report just forwarded waits for its unit's answer: sent and in the backlog
                    assertThat(u.getString("unitCode")).isEqualTo(unit);
                    assertThat(u.getInt("sent")).isGreaterThanOrEqualTo(1);
                    assertThat(u.getInt("backlog")).isGreaterThanOrEqualTo(1);
                });
    }

    @Test
    void onlySupervisorsOfThePlatformAndAdminsReadTheFigures() {
        for (String other : new String[] {"operateur", "agent-guyancourt", "auditeur", "psychologue"}) {
            assertThat(scenario.as(other).get("/supervision/chats").status())
                    .as(other)
                    .isEqualTo(403);
            assertThat(scenario.as(other).get("/supervision/handoffs").status())
                    .as(other)
                    .isEqualTo(403);
        }
        assertThat(scenario.as("superviseur")
                        .get("/supervision/chats?platform=VSS")
                        .status())
                .as("another platform")
                .isEqualTo(403);
        assertRefused(scenario.as("admin").get("/supervision/chats"), 400, "platform_required");
        assertRefused(scenario.as("superviseur").get("/supervision/chats?from=hier"), 400, "invalid_period");
        assertRefused(
                scenario.as("superviseur").get("/supervision/chats?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z"),
                400,
                "invalid_period");
        assertRefused(scenario.as("superviseur").get("/supervision/handoffs?department=7"), 400, "invalid_department");
        assertThat(scenario.anonymous().get("/supervision/chats").status()).isEqualTo(401);
    }

    static void assertRefused(Api.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.json().getString("error")).isEqualTo(code);
    }

    static void insert(Connection c, long id, String platform, Instant opened, Instant taken) throws Exception {
        try (PreparedStatement insert = c.prepareStatement(
                "insert into chat_fact (chat_id, platform, door, topic,"
                        + " opened_at, first_taken_at, first_taken_by, take_delay_ms) values (?, ?, 'VICTIM', 'script', ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, platform);
            insert.setTimestamp(3, utc(opened));
            insert.setTimestamp(4, taken == null ? null : utc(taken));
            insert.setString(5, taken == null ? null : "script");
            if (taken == null) {
                insert.setNull(6, java.sql.Types.BIGINT);
            } else {
                insert.setLong(6, Duration.between(opened, taken).toMillis());
            }
            insert.executeUpdate();
        }
    }

    static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }

    static String fact(Connection c, long chat, String column) throws Exception {
        try (PreparedStatement query = c.prepareStatement("select " + column + " from chat_fact where chat_id = ?")) {
            query.setLong(1, chat);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next())
                        .as("chat " + chat + " in the read model")
                        .isTrue();
                return rows.getString(1);
            }
        }
    }
}
