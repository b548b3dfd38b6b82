package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An operator's report made from a conversation, sent again with the same {@code Idempotency-Key}
 * (a client that lost the answer, e.g. to the server's crash, see the bench module's {@code
 * CrashBench}): the same report comes back and no second one is made; without a key, or with
 * another, a second report is made (a conversation may give several).
 */
class ReportIdempotencySystemIT {
    static final RelaisServer server = TestEnvironment.server();
    static final Scenario scenario = new Scenario(server.baseUrl());

    @Test
    void theSameKeyAnswersTheSameReportAndMakesNoOther() {
        long chat = scenario.openChat("Je voudrais signaler des menaces répétées.");
        Api operator = scenario.as("operateur");
        assertThat(operator.post("/chats/" + chat + "/take", null).status()).isEqualTo(200);
        String key = UUID.randomUUID().toString();

        var first = operator.post("/chats/" + chat + "/report", null, "Idempotency-Key", key);
        var again = operator.post("/chats/" + chat + "/report", null, "Idempotency-Key", key);
        var other = operator.post(
                "/chats/" + chat + "/report",
                null,
                "Idempotency-Key",
                UUID.randomUUID().toString());

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        long id = first.json().getJsonNumber("id").longValue();
        assertThat(again.json().getJsonNumber("id").longValue()).isEqualTo(id);
        assertThat(again.json().getString("reference")).isEqualTo(first.json().getString("reference"));
        assertThat(other.status()).as(other.toString()).isEqualTo(201);
        assertThat(other.json().getJsonNumber("id").longValue())
                .as("another key: another report")
                .isNotEqualTo(id);
    }

    @Test
    void anotherOperatorCannotReadTheReportBackWithTheKey() {
        long chat = scenario.openChat("On me suit tous les soirs en rentrant.");
        Api operator = scenario.as("operateur");
        assertThat(operator.post("/chats/" + chat + "/take", null).status()).isEqualTo(200);
        String key = UUID.randomUUID().toString();
        assertThat(operator.post("/chats/" + chat + "/report", null, "Idempotency-Key", key)
                        .status())
                .isEqualTo(201);

        var stranger = scenario.as("operateur2").post("/chats/" + chat + "/report", null, "Idempotency-Key", key);

        assertThat(stranger.status())
                .as("the chat is not theirs: refused, not answered from the key\n" + stranger)
                .isEqualTo(409);
        assertThat(stranger.json().getString("error")).isEqualTo("chat_not_held");
    }
}
