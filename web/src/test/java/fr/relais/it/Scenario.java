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

    /** A citizen opens a generalist chat; returns its id. */
    public long openChat(String firstMessage) {
        var reply = anonymous()
                .post(
                        "/citizen/chats",
                        "{\"platform\":\"GENERALIST\",\"door\":\"VICTIM\",\"topic\":\"harcelement\",\"message\":"
                                + json(firstMessage) + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().getString("token")).hasSizeGreaterThan(30);
        return reply.json().getJsonNumber("id").longValue();
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
                                + "\"factsAt\":\"2026-11-20T21:00:00Z\",\"urgent\":false,\"anonymous\":true,"
                                + "\"narrative\":" + json(narrative) + ","
                                + "\"reporter\":{\"firstName\":\"Marie\",\"lastName\":\"Durand\"}}");
        assertThat(qualified.status()).as(qualified.toString()).isEqualTo(200);
        assertThat(qualified.json().getString("status")).isEqualTo("IN_REVIEW");
        return id;
    }

    /** A report forwarded to the Guyancourt police station. */
    public long forwardedReport() {
        long id = reportInReview("Mon voisin me menace depuis trois semaines.");
        var reviewed = as("operateur").post("/reports/" + id + "/review", "{}");
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
        return id;
    }

    public static String json(String value) {
        return Json.createValue(value).toString();
    }
}
