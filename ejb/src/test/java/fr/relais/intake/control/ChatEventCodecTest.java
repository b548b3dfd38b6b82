package fr.relais.intake.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.intake.boundary.ChatEvent;
import fr.relais.intake.boundary.ChatLine;
import fr.relais.shared.Platform;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatEventCodecTest {
    private final ChatEventCodec codec = new ChatEventCodec();

    @AfterEach
    void close() throws Exception {
        codec.close();
    }

    @Test
    void aPostedMessageCrossesTheGridUnchanged() {
        var posted = new ChatEvent.Posted(
                42,
                Platform.VSS,
                "operatrice-vss",
                new ChatLine(
                        7, "CITIZEN", "<script>alert(1)</script> \"é\" \n", Instant.parse("2026-11-28T19:00:01.123Z")));

        String text = codec.encode("instance-a", posted);
        ChatEventCodec.Envelope envelope = codec.decode(text);

        assertThat(envelope.origin()).isEqualTo("instance-a");
        assertThat(envelope.event()).isEqualTo(posted);
    }

    @Test
    void aQueueChangeWithoutOperatorCrossesTheGridUnchanged() {
        var waiting = new ChatEvent.Posted(
                3, Platform.GENERALIST, null, new ChatLine(1, "CITIZEN", "Bonjour", Instant.EPOCH));
        var changed = new ChatEvent.QueueChanged(3, Platform.GENERALIST);

        assertThat(codec.decode(codec.encode("b", waiting)).event()).isEqualTo(waiting);
        assertThat(codec.decode(codec.encode("b", changed)).event()).isEqualTo(changed);
    }

    @Test
    void whatIsNoEnvelopeOfThisVersionDecodesToNothing() {
        assertThat(codec.decode("{\"origin\":\"x\",\"type\":\"Unknown\",\"event\":{}}"))
                .isNull();
        assertThat(codec.decode("{\"origin\":\"x\",\"type\":\"QueueChanged\"}")).isNull();
        assertThat(codec.decode("not json")).isNull();
        assertThat(codec.decode("[]")).isNull();
    }
}
