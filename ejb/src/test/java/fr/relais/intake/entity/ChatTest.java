package fr.relais.intake.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChatTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void closesAfterAReportOnlyOnceAReportWasMade() {
        Chat chat = new Chat(Platform.GENERALIST, "REPORT", null, "hash", NOW);
        chat.takeBy("operateur", NOW.plusSeconds(30));

        assertThatThrownBy(() -> chat.close(Chat.Outcome.REPORT, NOW.plusSeconds(60)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("no_report_made"));

        chat.recordReport();
        chat.recordReport();
        assertThat(chat.isHeldBy("operateur")).as("the conversation goes on").isTrue();
        chat.close(Chat.Outcome.REPORT, NOW.plusSeconds(90));

        assertThat(chat.status()).isEqualTo(Chat.Status.CLOSED);
        assertThat(chat.reportsMade()).isEqualTo(2);
    }

    @Test
    void noReportFromAChatNobodyHolds() {
        Chat chat = new Chat(Platform.VSS, "VICTIM", null, "hash", NOW);

        assertThatThrownBy(chat::recordReport).isInstanceOf(DomainException.class);
    }

    @Test
    void onlyAWaitingChatClosesAsSpam() {
        Chat waiting = new Chat(Platform.GENERALIST, "REPORT", null, "hash", NOW);
        waiting.closeAsSpam(NOW.plusSeconds(10));
        assertThat(waiting.status()).isEqualTo(Chat.Status.CLOSED);
        assertThat(waiting.outcome()).isEqualTo(Chat.Outcome.SPAM);

        Chat taken = new Chat(Platform.GENERALIST, "REPORT", null, "hash", NOW);
        taken.takeBy("operateur", NOW.plusSeconds(5));
        assertThatThrownBy(() -> taken.closeAsSpam(NOW.plusSeconds(10)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("chat_not_waiting"));
        assertThat(taken.status()).isEqualTo(Chat.Status.TAKEN);
    }

    @Test
    void countsTheCitizensCharactersUpToTheCapAndNotOnePast() {
        Chat chat = new Chat(Platform.GENERALIST, "REPORT", null, "hash", NOW);
        chat.addCitizenText(600, 1000);
        chat.addCitizenText(400, 1000);

        assertThatThrownBy(() -> chat.addCitizenText(1, 1000))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("chat_too_large"));
        assertThat(chat.citizenCharacters()).isEqualTo(1000);

        chat.addCitizenText(5000, 0);
        assertThat(chat.citizenCharacters()).as("0 is no cap").isEqualTo(6000);
    }

    @Test
    void aTransferToAPersonKeepsTheChatInProgressAndRestartsTheHoldersTime() {
        Chat chat = new Chat(Platform.VSS, "VICTIM", null, "hash", NOW);
        chat.takeBy("operatrice-vss", NOW.plusSeconds(30));

        chat.transferTo("psychologue", NOW.plusSeconds(300));

        assertThat(chat.isHeldBy("psychologue")).isTrue();
        assertThat(chat.isHeldBy("operatrice-vss")).isFalse();
        assertThat(chat.heldSince()).isEqualTo(NOW.plusSeconds(300));
        assertThat(chat.takenAt()).isEqualTo(NOW.plusSeconds(30));
    }

    @Test
    void aTransferToAQueueMakesItWaitAgainOnThatPlatformFromNow() {
        Chat chat = new Chat(Platform.GENERALIST, "VICTIM", null, "hash", NOW);
        chat.takeBy("operateur", NOW.plusSeconds(30));

        chat.requeue(Platform.VSS, NOW.plusSeconds(120));

        assertThat(chat.status()).isEqualTo(Chat.Status.WAITING);
        assertThat(chat.platform()).isEqualTo(Platform.VSS);
        assertThat(chat.operator()).isNull();
        assertThat(chat.queuedAt()).isEqualTo(NOW.plusSeconds(120));
        assertThat(chat.createdAt()).isEqualTo(NOW);
        chat.takeBy("operatrice-vss", NOW.plusSeconds(150));
        assertThat(chat.isHeldBy("operatrice-vss")).isTrue();
    }

    @Test
    void onlyAChatInProgressIsTransferred() {
        Chat waiting = new Chat(Platform.GENERALIST, "VICTIM", null, "hash", NOW);

        assertThatThrownBy(() -> waiting.transferTo("operateur2", NOW))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("chat_not_in_progress"));
        assertThatThrownBy(() -> waiting.requeue(Platform.VSS, NOW)).isInstanceOf(DomainException.class);
    }
}
