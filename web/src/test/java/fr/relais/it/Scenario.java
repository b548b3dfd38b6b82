package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;

/** Steps of the lifecycle as a script drives them over HTTP, against one running Relais. */
public record Scenario(String baseUrl) {

    public Api as(String user) {
        return Api.as(baseUrl, user);
    }

    public Api anonymous() {
        return Api.anonymous(baseUrl);
    }

    /**
     * A citizen opens a generalist chat; returns its id. Each opening comes from an address of its own
     * ({@code X-Forwarded-For}, believed from 127.0.0.1): the tests that build reports through here
     * would otherwise share 127.0.0.1's openings per minute with every other test, and a suite that
     * grows past that limit would fail on whichever test comes last in the minute.
     */
    public long openChat(String firstMessage) {
        var reply = anonymous()
                .post(
                        "/citizen/chats",
                        "{\"platform\":\"GENERALIST\",\"door\":\"VICTIM\",\"topic\":\"harcelement\",\"message\":"
                                + json(firstMessage) + "}",
                        "X-Forwarded-For",
                        citizenAddress());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().getString("token")).hasSizeGreaterThan(30);
        return reply.json().getJsonNumber("id").longValue();
    }

    private static final java.util.concurrent.atomic.AtomicInteger CITIZENS =
            new java.util.concurrent.atomic.AtomicInteger();

    /** An address of the benchmarking range 198.18.0.0/15 (RFC 2544), a new one at each call. */
    static String citizenAddress() {
        int n = CITIZENS.getAndIncrement();
        return "198.18." + (n / 250 % 250) + "." + (n % 250 + 1);
    }

    /** An anonymous report qualified for Guyancourt (78280), waiting for the operator's review. */
    public long reportInReview(String narrative) {
        long chat = openChat("Bonjour, je voudrais signaler des faits.");
        assertThat(as("operateur").post("/chats/" + chat + "/take", null).status())
                .isEqualTo(200);
        var report = as("operateur").post("/chats/" + chat + "/report", null);
        assertThat(report.status()).as(report.toString()).isEqualTo(201);
        long id = report.json().getJsonNumber("id").longValue();
        var qualified = as("operateur")
                .put(
                        "/reports/" + id + "/qualification",
                        "{\"category\":\"HARASSMENT\",\"postalCode\":\"78280\",\"commune\":\"Guyancourt\","
                                + "\"factsAt\":\"2026-11-20T21:00:00Z\",\"urgency\":\"NORMAL\",\"anonymous\":true,"
                                + "\"narrative\":" + json(narrative) + ","
                                + "\"reporter\":{\"firstName\":\"Marie\",\"lastName\":\"Durand\"}}");
        assertThat(qualified.status()).as(qualified.toString()).isEqualTo(200);
        assertThat(qualified.json().getString("status"))
                .as("the engine anonymises after the request")
                .isEqualTo("ANONYMISING");
        awaitStatus(id, "IN_REVIEW");
        return id;
    }

    /** A report forwarded to the Guyancourt police station. */
    public long forwardedReport() {
        long id = reportInReview("Mon voisin me menace depuis trois semaines.");
        var reviewed = as("operateur").post("/reports/" + id + "/review", "{}");
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
        assertThat(reviewed.json().getString("status")).isEqualTo("FORWARDING");
        awaitStatus(id, "FORWARDED");
        return id;
    }

    /**
     * Waits until the report, as the platform's operator sees it, reaches {@code status}: the steps
     * after a person's action run as the engine's jobs, after the request that caused them.
     */
    public jakarta.json.JsonObject awaitStatus(long reportId, String status) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        Api.Reply last;
        do {
            last = as("operateur").get("/reports/" + reportId);
            if (last.status() == 200 && status.equals(last.json().getString("status"))) {
                return last.json();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("report " + reportId + " not " + status + " within 30 s: " + last);
    }

    public static String json(String value) {
        return Json.createValue(value).toString();
    }
}
