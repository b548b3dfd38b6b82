package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.Database;
import fr.relais.launcher.RelaisServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Appointment booking against the shared server: booking, look-up, move and cancellation by code; slots
 * going and coming back; a pattern with exceptions; a week when clocks change; 50 parallel bookings of
 * one slot; the per-contact limit; bad input; who sees what. Each test books at a unit of its own
 * (inserted in the database), except the access test, which uses the demo units and their agents; each
 * calls from an address of its own ({@code X-Forwarded-For}, believed from 127.0.0.1).
 */
class BookingSystemIT {
    static final RelaisServer server = TestEnvironment.server();
    static final Scenario scenario = new Scenario(server.baseUrl());
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    final String address = "10." + ThreadLocalRandom.current().nextInt(256) + "."
            + ThreadLocalRandom.current().nextInt(256) + "."
            + ThreadLocalRandom.current().nextInt(1, 255);

    @Test
    void aBookingIsLookedUpMovedAndCancelledByItsCodeAndItsSlotGoesAndComesBack() {
        String unit = freshUnit();
        LocalDate monday = mondayInWeeks(3);
        setPattern(unit, weekly("MONDAY", "09:00", "10:00", 30, 1), "");
        List<String> before = starts(slots(unit, monday, monday));
        assertThat(before).containsExactly(at(monday, "09:00"), at(monday, "09:30"));

        var booked = book(unit, at(monday, "09:00"), "PLAINTE", "THEFT", email());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String code = booked.json().getString("code");
        assertThat(code).matches("[23456789ABCDEFGHJKMNPQRSTVWXYZ]{10}");
        assertThat(booked.json().getJsonObject("booking").getString("localStart"))
                .isEqualTo(monday + "T09:00");
        assertThat(starts(slots(unit, monday, monday))).containsExactly(at(monday, "09:30"));

        // typed leniently: lower case, with a dash and spaces
        String typed = code.substring(0, 5).toLowerCase() + "- " + code.substring(5);
        var found = citizen().get("/appointments/" + typed.replace(" ", "%20"), xff());
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().getString("status")).isEqualTo("BOOKED");
        assertThat(found.json().getString("kind")).isEqualTo("PLAINTE");
        assertThat(found.json().getString("category")).isEqualTo("THEFT");
        assertThat(found.json().containsKey("contact"))
                .as("no contact for the code's holder")
                .isFalse();

        var moved =
                citizen().post("/appointments/" + code + "/move", "{\"start\":\"" + at(monday, "09:30") + "\"}", xff());
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().getString("start")).isEqualTo(at(monday, "09:30"));
        assertThat(starts(slots(unit, monday, monday))).containsExactly(at(monday, "09:00"));

        var cancelled = citizen().send("DELETE", "/appointments/" + code, null, xff());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().getString("status")).isEqualTo("CANCELLED");
        assertThat(starts(slots(unit, monday, monday))).containsExactly(at(monday, "09:00"), at(monday, "09:30"));
        assertThat(citizen().get("/appointments/" + code, xff()).json().getString("status"))
                .isEqualTo("CANCELLED");
        var moveCancelled =
                citizen().post("/appointments/" + code + "/move", "{\"start\":\"" + at(monday, "09:00") + "\"}", xff());
        assertThat(moveCancelled.status()).isEqualTo(409);
        assertThat(moveCancelled.json().getString("error")).isEqualTo("booking_cancelled");

        var unknown = citizen().get("/appointments/ABCDEFGHJK", xff());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().getString("error")).isEqualTo("booking_not_found");

        // the unit's list shows both events' booking, cancelled; the admin does not see the contact
        var list = scenario.as("admin").get("/units/" + unit + "/appointments?from=" + monday + "&to=" + monday);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.array()).hasSize(1);
        assertThat(list.array().getJsonObject(0).getString("status")).isEqualTo("CANCELLED");
        assertThat(list.array().getJsonObject(0).get("contact")).isIn(null, JsonValue.NULL);
        assertThat(auditKinds(list.array().getJsonObject(0).getJsonNumber("id").longValue()))
                .containsExactly("appointment_booked", "appointment_moved", "appointment_cancelled");
    }

    @Test
    void aClosedDayRemovesTheWeeklySlotsAndAnExtraDayAddsSome() {
        String unit = freshUnit();
        LocalDate monday = mondayInWeeks(4);
        LocalDate tuesday = monday.plusDays(1);
        LocalDate wednesday = monday.plusDays(2);
        var set = setPattern(
                unit,
                weekly("MONDAY", "09:00", "10:00", 60, 1) + "," + weekly("TUESDAY", "09:00", "10:00", 60, 2),
                "{\"date\":\"" + monday + "\",\"closed\":true},"
                        + "{\"date\":\"" + wednesday
                        + "\",\"closed\":false,\"from\":\"14:00\",\"to\":\"15:00\",\"slotMinutes\":30}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        var slots = slots(unit, monday, wednesday);
        assertThat(starts(slots)).containsExactly(at(tuesday, "09:00"), at(wednesday, "14:00"), at(wednesday, "14:30"));
        assertThat(slots.get(0).getInt("free")).isEqualTo(2);
        // the week after: Monday is open again
        assertThat(starts(slots(unit, monday.plusDays(7), monday.plusDays(7))))
                .containsExactly(at(monday.plusDays(7), "09:00"));

        var pattern = scenario.as("admin")
                .get("/units/" + unit + "/appointment-pattern")
                .json();
        assertThat(pattern.getString("timeZone")).isEqualTo("Europe/Paris");
        assertThat(pattern.getJsonArray("weekly")).hasSize(2);
        assertThat(pattern.getJsonArray("exceptions")).hasSize(2);
        assertThat(pattern.getJsonArray("exceptions").getJsonObject(0).getBoolean("closed"))
                .isTrue();

        // two desks: two bookings of Tuesday's slot, the third is refused
        assertThat(book(unit, at(tuesday, "09:00"), "MAIN_COURANTE", "NEIGHBOURS_OR_FAMILY", email())
                        .status())
                .isEqualTo(201);
        assertThat(starts(slots(unit, tuesday, tuesday))).containsExactly(at(tuesday, "09:00"));
        assertThat(book(unit, at(tuesday, "09:00"), "PLAINTE", "FRAUD", email()).status())
                .isEqualTo(201);
        assertThat(starts(slots(unit, tuesday, tuesday))).isEmpty();
        var third = book(unit, at(tuesday, "09:00"), "PLAINTE", "FRAUD", email());
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.json().getString("error")).isEqualTo("slot_taken");
        // the closed Monday cannot be booked
        var closed = book(unit, at(monday, "09:00"), "PLAINTE", "FRAUD", email());
        assertThat(closed.status()).isEqualTo(400);
        assertThat(closed.json().getString("error")).isEqualTo("unknown_slot");
    }

    @Test
    void slotsKeepTheirLocalTimeAcrossTheChangeToSummerTime() {
        String unit = freshUnit();
        // clocks go forward on Sunday 28 March 2027 at 02:00 (CET to CEST)
        LocalDate saturday = LocalDate.of(2027, 3, 27);
        LocalDate sunday = saturday.plusDays(1);
        LocalDate monday = saturday.plusDays(2);
        String every = String.join(
                ",",
                weekly("SATURDAY", "09:00", "09:30", 30, 1),
                weekly("SUNDAY", "09:00", "09:30", 30, 1),
                weekly("MONDAY", "09:00", "09:30", 30, 1));
        var set = setPattern(
                unit,
                every,
                "{\"date\":\"" + sunday
                        + "\",\"closed\":false,\"from\":\"02:00\",\"to\":\"03:30\",\"slotMinutes\":30}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        var slots = slots(unit, saturday, monday);
        assertThat(starts(slots))
                .as("09:00 is 08:00Z in winter and 07:00Z in summer; 02:00 and 02:30 do not exist that night")
                .containsExactly(
                        "2027-03-27T08:00:00Z", "2027-03-28T01:00:00Z", "2027-03-28T07:00:00Z", "2027-03-29T07:00:00Z");
        assertThat(slots.stream().map(s -> s.getString("localStart")).toList())
                .containsExactly("2027-03-27T09:00", "2027-03-28T03:00", "2027-03-28T09:00", "2027-03-29T09:00");
        var booked = book(unit, "2027-03-28T07:00:00Z", "PLAINTE", "BURGLARY", email());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(booked.json().getJsonObject("booking").getString("localStart"))
                .isEqualTo("2027-03-28T09:00");
        assertThat(booked.json().getJsonObject("booking").getString("end")).isEqualTo("2027-03-28T07:30:00Z");
    }

    @Test
    void fiftyParallelBookingsOfOneSlotMakeExactlyOne() throws Exception {
        String unit = freshUnit();
        LocalDate monday = mondayInWeeks(5);
        setPattern(unit, weekly("MONDAY", "10:00", "10:30", 30, 1), "");
        String start = at(monday, "10:00");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Api.Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String from = "10.200." + (i / 200) + "." + (i % 200 + 1);
                calls.add(() -> citizen()
                        .post(
                                "/appointments",
                                request(unit, start, "PLAINTE", "THEFT", email()),
                                "X-Forwarded-For",
                                from));
            }
            List<Api.Reply> replies = new ArrayList<>();
            long began = System.nanoTime();
            for (Future<Api.Reply> f : pool.invokeAll(calls)) {
                replies.add(f.get());
            }
            // a figure for the README, not an assertion
            System.out.println("BookingSystemIT: 50 parallel bookings of one slot answered in "
                    + (System.nanoTime() - began) / 1_000_000 + " ms");
            assertThat(replies.stream().filter(r -> r.status() == 201))
                    .as(replies.toString())
                    .hasSize(1);
            assertThat(replies.stream().filter(r -> r.status() == 409)).hasSize(49);
            assertThat(replies.stream()
                            .filter(r -> r.status() == 409)
                            .map(r -> r.json().getString("error"))
                            .distinct())
                    .containsExactly("slot_taken");
        } finally {
            pool.shutdownNow();
        }
        assertThat(slots(unit, monday, monday)).isEmpty();
        var list = scenario.as("admin").get("/units/" + unit + "/appointments?from=" + monday + "&to=" + monday);
        assertThat(list.array()).hasSize(1);
    }

    @Test
    void aContactHoldsAtMostTwoFutureBookingsWhateverItsSpelling() {
        String unit = freshUnit();
        LocalDate monday = mondayInWeeks(6);
        setPattern(unit, weekly("MONDAY", "09:00", "11:00", 30, 1), "");
        // 06 12 …: an allocated mobile range (a random 06 39 … or 06 90 … is not one, and was refused)
        String digits = "12" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        String national = "06" + digits;
        String international = "+33 6 " + digits.substring(0, 2) + " " + digits.substring(2, 4) + " "
                + digits.substring(4, 6) + " " + digits.substring(6);
        var first = book(unit, at(monday, "09:00"), "PLAINTE", "THEFT", national);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(book(unit, at(monday, "09:30"), "PLAINTE", "THEFT", international)
                        .status())
                .isEqualTo(201);
        var third = book(
                unit,
                at(monday, "10:00"),
                "PLAINTE",
                "THEFT",
                "06." + digits.substring(0, 2) + "." + digits.substring(2, 4) + "." + digits.substring(4, 6) + "."
                        + digits.substring(6));
        assertThat(third.status()).as(third.body()).isEqualTo(409);
        assertThat(third.json().getString("error")).isEqualTo("too_many_bookings");
        assertThat(third.json().getString("message")).isNotBlank();
        // the slot was not taken by the refusal
        assertThat(starts(slots(unit, monday, monday))).contains(at(monday, "10:00"));
        // a cancellation gives the right back
        assertThat(citizen()
                        .send("DELETE", "/appointments/" + first.json().getString("code"), null, xff())
                        .status())
                .isEqualTo(200);
        assertThat(book(unit, at(monday, "10:00"), "PLAINTE", "THEFT", international)
                        .status())
                .isEqualTo(201);

        // e-mail addresses count in lower case
        String mail = "Limite." + UUID.randomUUID() + "@Exemple.FR";
        assertThat(book(unit, at(monday, "10:30"), "PLAINTE", "THEFT", mail).status())
                .isEqualTo(201);
        assertThat(book(unit, at(monday, "09:00"), "PLAINTE", "THEFT", mail.toLowerCase())
                        .status())
                .isEqualTo(201);
        var again = book(unit, at(mondayInWeeks(7), "09:00"), "PLAINTE", "THEFT", mail.toUpperCase());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().getString("error")).isEqualTo("too_many_bookings");
    }

    @Test
    void badInputIsRefusedWithACodeAndAClearMessage() {
        String unit = freshUnit();
        LocalDate monday = mondayInWeeks(3);
        setPattern(unit, weekly("MONDAY", "09:00", "10:00", 30, 1), "");
        String start = at(monday, "09:00");
        assertRefused(book(unit, start, "PLAINTE", "THEFT", ""), 400, "missing_contact");
        assertRefused(book(unit, start, "PLAINTE", "THEFT", "pas-un-mail@"), 400, "invalid_email");
        assertRefused(book(unit, start, "PLAINTE", "THEFT", "<script>alert(1)</script>@x.fr"), 400, "invalid_email");
        assertRefused(book(unit, start, "PLAINTE", "THEFT", "12"), 400, "invalid_phone");
        assertRefused(book(unit, start, "DEPOSITION", "THEFT", email()), 400, "invalid_kind");
        assertRefused(book(unit, start, "PLAINTE", "<b>x</b>", email()), 400, "invalid_category");
        assertRefused(book(unit, "demain", "PLAINTE", "THEFT", email()), 400, "invalid_start");
        assertRefused(book(unit, at(monday, "09:10"), "PLAINTE", "THEFT", email()), 400, "unknown_slot");
        assertRefused(book("NO-SUCH-UNIT", start, "PLAINTE", "THEFT", email()), 404, "unit_not_found");
        assertRefused(citizen().post("/appointments", "{not json", xff()), 400, "invalid_json");
        assertRefused(
                citizen().get("/appointments/slots?unit=" + unit + "&from=2027-01-01&to=2027-03-01", xff()),
                400,
                "invalid_range");
        assertRefused(citizen().get("/appointments/slots?unit=" + unit + "&from=lundi", xff()), 400, "invalid_date");
        assertRefused(citizen().get("/appointments/slots", xff()), 400, "missing_unit");
        assertRefused(citizen().get("/appointments/slots?unit=NO-SUCH-UNIT", xff()), 404, "unit_not_found");
        assertRefused(setPattern(unit, weekly("MONDAY", "10:00", "09:00", 30, 1), ""), 400, "invalid_times");
        assertRefused(setPattern(unit, weekly("MONDAY", "09:00", "25:00", 30, 1), ""), 400, "invalid_times");
        assertRefused(setPattern(unit, weekly("MONDAY", "09:00", "10:00", 0, 1), ""), 400, "invalid_slot_length");
        assertRefused(setPattern(unit, weekly("FUNDAY", "09:00", "10:00", 30, 1), ""), 400, "invalid_day");
        assertRefused(setPattern(unit, weekly("MONDAY", "09:00", "10:00", 30, 99), ""), 400, "invalid_desks");
        assertRefused(setPattern(unit, "", "{\"date\":\"bientôt\",\"closed\":true}"), 400, "invalid_date");
        // a refused pattern changes nothing
        assertThat(starts(slots(unit, monday, monday))).containsExactly(at(monday, "09:00"), at(monday, "09:30"));
        // the idempotency key: a retry gets the same booking, another body with it is refused
        String key = UUID.randomUUID().toString();
        String body = request(unit, start, "PLAINTE", "THEFT", email());
        var first = citizen().post("/appointments", body, "Idempotency-Key", key, "X-Forwarded-For", address);
        var retry = citizen().post("/appointments", body, "Idempotency-Key", key, "X-Forwarded-For", address);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.json().getString("code")).isEqualTo(first.json().getString("code"));
        assertRefused(
                citizen()
                        .post(
                                "/appointments",
                                request(unit, at(monday, "09:30"), "PLAINTE", "THEFT", email()),
                                "Idempotency-Key",
                                key,
                                "X-Forwarded-For",
                                address),
                422,
                "idempotency_key_reused");
        assertThat(starts(slots(unit, monday, monday))).containsExactly(at(monday, "09:30"));
    }

    @Test
    void aUnitSeesOnlyItsOwnBookingsWithTheContactAndOthersReadOrNothing() {
        String unit = "CSP-GUYANCOURT";
        LocalDate monday = mondayInWeeks(8);
        var set = scenario.as("agent-guyancourt")
                .put("/units/" + unit + "/appointment-pattern", pattern(weekly("MONDAY", "08:00", "09:00", 60, 1), ""));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        String contact = email();
        var booked = book(unit, at(monday, "08:00"), "MAIN_COURANTE", "HARASSMENT", contact);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String path = "/units/" + unit + "/appointments?from=" + monday + "&to=" + monday;

        var own = scenario.as("agent-guyancourt").get(path);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        JsonObject row = own.array().getJsonObject(0);
        assertThat(row.getString("contact")).isEqualTo(contact.toLowerCase());
        assertThat(row.getString("kind")).isEqualTo("MAIN_COURANTE");
        assertThat(row.getString("category")).isEqualTo("HARASSMENT");
        assertThat(row.getString("status")).isEqualTo("BOOKED");

        var other = scenario.as("agent-versailles");
        assertRefused(other.get(path), 404, "unit_not_found");
        assertRefused(other.get("/units/" + unit + "/appointment-pattern"), 404, "unit_not_found");
        assertRefused(
                other.put(
                        "/units/" + unit + "/appointment-pattern",
                        pattern(weekly("MONDAY", "08:00", "09:00", 60, 1), "")),
                404,
                "unit_not_found");

        assertThat(scenario.anonymous().get(path).status())
                .as("a citizen cannot list bookings")
                .isEqualTo(401);
        assertThat(scenario.anonymous()
                        .get("/units/" + unit + "/appointment-pattern")
                        .status())
                .isEqualTo(401);
        assertThat(scenario.as("operateur").get(path).status()).isEqualTo(403);

        var auditor = scenario.as("auditeur");
        var read = auditor.get(path);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.array().getJsonObject(0).get("contact")).isIn(null, JsonValue.NULL);
        assertThat(auditor.get("/units/" + unit + "/appointment-pattern").status())
                .isEqualTo(200);
        assertThat(auditor.put("/units/" + unit + "/appointment-pattern", pattern("", ""))
                        .status())
                .as("auditors read only")
                .isEqualTo(403);
        assertThat(scenario.as("admin").get(path).array().getJsonObject(0).get("contact"))
                .isIn(null, JsonValue.NULL);
    }

    @Test
    void retentionErasesTheContactAYearAfterTheAppointment() throws SQLException {
        String unit = freshUnit();
        LocalDate monday = mondayInWeeks(3);
        setPattern(unit, weekly("MONDAY", "09:00", "10:00", 60, 1), "");
        var booked = book(unit, at(monday, "09:00"), "PLAINTE", "VIOLENCE", email());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        long id = scenario.as("admin")
                .get("/units/" + unit + "/appointments?from=" + monday + "&to=" + monday)
                .array()
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        Instant appointment = Instant.parse(at(monday, "09:00"));

        var early = scenario.as("admin").post("/retention/run?now=" + appointment.plus(Duration.ofDays(300)), null);
        assertThat(early.status()).as(early.body()).isEqualTo(200);
        assertThat(contactOf(id)).isNotNull();

        var run = scenario.as("admin").post("/retention/run?now=" + appointment.plus(Duration.ofDays(367)), null);
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().getInt("bookings")).isGreaterThanOrEqualTo(1);
        assertThat(contactOf(id)).isNull();
        assertThat(auditKinds(id)).containsExactly("appointment_booked", "appointment_contact_erased");
        // what is left still shows on the unit's list, without anyone's contact
        var row = scenario.as("admin")
                .get("/units/" + unit + "/appointments?from=" + monday + "&to=" + monday)
                .array()
                .getJsonObject(0);
        assertThat(row.getString("kind")).isEqualTo("PLAINTE");
    }

    // ---- helpers ----

    Api citizen() {
        return scenario.anonymous();
    }

    String[] xff() {
        return new String[] {"X-Forwarded-For", address};
    }

    Api.Reply book(String unit, String start, String kind, String category, String contact) {
        return citizen().post("/appointments", request(unit, start, kind, category, contact), xff());
    }

    static String request(String unit, String start, String kind, String category, String contact) {
        return Json.createObjectBuilder()
                .add("unit", unit)
                .add("start", start)
                .add("kind", kind)
                .add("category", category)
                .add("contact", contact)
                .build()
                .toString();
    }

    List<JsonObject> slots(String unit, LocalDate from, LocalDate to) {
        var reply = citizen().get("/appointments/slots?unit=" + unit + "&from=" + from + "&to=" + to, xff());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.array().getValuesAs(JsonObject.class);
    }

    static List<String> starts(List<JsonObject> slots) {
        return slots.stream().map(s -> s.getString("start")).toList();
    }

    static String weekly(String day, String from, String to, int slotMinutes, int desks) {
        return "{\"day\":\"" + day + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"slotMinutes\":" + slotMinutes
                + ",\"desks\":" + desks + "}";
    }

    static String pattern(String weekly, String exceptions) {
        return "{\"weekly\":[" + weekly + "],\"exceptions\":[" + exceptions + "]}";
    }

    static Api.Reply setPattern(String unit, String weekly, String exceptions) {
        return scenario.as("admin").put("/units/" + unit + "/appointment-pattern", pattern(weekly, exceptions));
    }

    /** The instant of a local time in Paris, as the API writes it. */
    static String at(LocalDate day, String hhmm) {
        return day.atTime(java.time.LocalTime.parse(hhmm))
                .atZone(PARIS)
                .toInstant()
                .toString();
    }

    static LocalDate mondayInWeeks(int weeks) {
        return LocalDate.now(PARIS).plusWeeks(weeks).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static String email() {
        return "rdv." + UUID.randomUUID() + "@exemple.fr";
    }

    static void assertRefused(Api.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().getString("error")).isEqualTo(code);
        assertThat(reply.json().getString("message")).as(code).isNotBlank();
    }

    /** A unit of this test's own, with no pattern and no booking. */
    static String freshUnit() {
        String code = "RDV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        try (Connection c = database();
                var insert = c.prepareStatement("INSERT INTO unit (code, name, kind, department, commune, desk_24h)"
                        + " VALUES (?, ?, 'POLICE_STATION', '78', 'Guyancourt', FALSE)")) {
            insert.setString(1, code);
            insert.setString(2, "Commissariat de test " + code);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return code;
    }

    static String contactOf(long bookingId) throws SQLException {
        try (Connection c = database();
                var query = c.prepareStatement("SELECT contact FROM appointment_booking WHERE id = ?")) {
            query.setLong(1, bookingId);
            try (var rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }

    static List<String> auditKinds(long bookingId) {
        try (Connection c = database();
                var query = c.prepareStatement("SELECT kind FROM audit_event WHERE chain_key = ? ORDER BY seq")) {
            query.setString(1, "booking:" + bookingId);
            List<String> kinds = new ArrayList<>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    kinds.add(rows.getString(1));
                }
            }
            return kinds;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Connection database() throws SQLException {
        Database.Settings db = TestEnvironment.systemDatabase();
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }
}
