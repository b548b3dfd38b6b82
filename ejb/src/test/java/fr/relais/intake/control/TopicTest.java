package fr.relais.intake.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.shared.Platform;
import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class TopicTest {

    @Test
    void routesSexualAndSexistViolenceToTheVssPlatformAndEverythingElseToTheGeneralistOne() {
        var vss = EnumSet.of(
                Topic.SEXUAL_VIOLENCE,
                Topic.DOMESTIC_VIOLENCE,
                Topic.SEXUAL_HARASSMENT,
                Topic.WITNESSED_SEXIST_VIOLENCE,
                Topic.SEXIST_VIOLENCE_HELP);
        for (Topic topic : Topic.values()) {
            assertThat(topic.platform())
                    .as(topic.name())
                    .isEqualTo(vss.contains(topic) ? Platform.VSS : Platform.GENERALIST);
        }
    }

    @Test
    void offersBothPlatformsBehindEveryDoor() {
        for (Topic.Door door : Topic.Door.values()) {
            assertThat(Topic.behind(door))
                    .as(door.name())
                    .extracting(Topic::platform)
                    .contains(Platform.VSS, Platform.GENERALIST);
        }
    }

    @Test
    void findsATopicByItsCodeOnly() {
        assertThat(Topic.of("DRUG_TRAFFICKING")).contains(Topic.DRUG_TRAFFICKING);
        assertThat(Topic.of("drug_trafficking")).isEmpty();
        assertThat(Topic.of("harcelement")).isEmpty();
        assertThat(Topic.of(null)).isEmpty();
    }

    @Test
    void keepsCodesWithinTheChatsTopicColumn() {
        assertThat(Arrays.stream(Topic.values()))
                .allSatisfy(t -> assertThat(t.name()).hasSizeLessThanOrEqualTo(60));
    }

    @Test
    void onlyTheDangerNowTopicSaysSomeoneIsInDangerNowAndItSitsBehindTheVictimsDoor() {
        assertThat(Arrays.stream(Topic.values()).filter(Topic::dangerNow)).containsExactly(Topic.DANGER_NOW);
        assertThat(Topic.behind(Topic.Door.VICTIM)).first().isEqualTo(Topic.DANGER_NOW);
    }
}
