package fr.relais.shared.view;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.directory.boundary.Caller;
import fr.relais.shared.Platform;
import fr.relais.shared.Role;
import fr.relais.shared.view.StaffChannels.Subscription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaffChannelsTest {
    static final Caller OPERATOR = new Caller("operateur", Set.of(Role.OPERATOR), Platform.GENERALIST, null);
    static final Caller PSYCHOLOGIST = new Caller("psychologue", Set.of(Role.PSYCHOLOGIST), Platform.VSS, null);
    static final Caller SUPERVISOR = new Caller("superviseur", Set.of(Role.SUPERVISOR), Platform.GENERALIST, null);
    static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN), null, null);
    static final Caller AGENT = new Caller("agent-guyancourt", Set.of(Role.UNIT_AGENT), null, "CSP-GUYANCOURT");
    static final Caller AUDITOR = new Caller("auditeur", Set.of(Role.AUDITOR), null, null);

    @Test
    void anOperatorListensToTheQueueOfTheirPlatformAndToTheirOwnChats() {
        var decision = StaffChannels.decide(OPERATOR, asked("queue", "GENERALIST", "operator", "operateur"));
        assertThat(decision.refused()).isFalse();
        assertThat(decision.subscriptions())
                .containsExactly(new Subscription("queue", "GENERALIST"), new Subscription("operator", "operateur"));
    }

    @Test
    void anOperatorIsRefusedAnotherOperatorsChannelAndAnotherPlatformsQueue() {
        assertThat(StaffChannels.decide(OPERATOR, asked("operator", "operateur2"))
                        .refusal())
                .isEqualTo(StaffChannels.CHANNEL_REFUSED);
        assertThat(StaffChannels.decide(OPERATOR, asked("queue", "VSS")).refusal())
                .isEqualTo(StaffChannels.CHANNEL_REFUSED);
        assertThat(StaffChannels.decide(OPERATOR, asked("queue", "GENERALIST", "operator", "operateur2"))
                        .refusal())
                .as("one refused channel refuses the whole connection")
                .isEqualTo(StaffChannels.CHANNEL_REFUSED);
        assertThat(StaffChannels.decide(OPERATOR, asked("alerts", "")).refused())
                .isTrue();
        assertThat(StaffChannels.decide(OPERATOR, asked("desk", "CSP-GUYANCOURT"))
                        .refused())
                .isTrue();
    }

    @Test
    void aUnitAgentListensOnlyToTheirOwnUnitsDesk() {
        assertThat(StaffChannels.decide(AGENT, asked("desk", "CSP-GUYANCOURT")).refused())
                .isFalse();
        assertThat(StaffChannels.decide(AGENT, asked("desk", "CSP-VERSAILLES")).refusal())
                .isEqualTo(StaffChannels.CHANNEL_REFUSED);
        assertThat(StaffChannels.decide(AGENT, asked("queue", "GENERALIST")).refused())
                .isTrue();
        assertThat(StaffChannels.decide(AGENT, asked("operator", "agent-guyancourt"))
                        .refused())
                .as("not an operator")
                .isTrue();
    }

    @Test
    void alertsAreForSupervisorsAndAdministratorsWhoMayWatchAnyPlatformsQueue() {
        assertThat(StaffChannels.decide(SUPERVISOR, asked("alerts", "")).refused())
                .isFalse();
        assertThat(StaffChannels.decide(ADMIN, asked("alerts", "")).refused()).isFalse();
        assertThat(StaffChannels.decide(SUPERVISOR, asked("queue", "GENERALIST"))
                        .refused())
                .isFalse();
        assertThat(StaffChannels.decide(SUPERVISOR, asked("queue", "VSS")).refused())
                .isTrue();
        assertThat(StaffChannels.decide(ADMIN, asked("queue", "VSS")).refused()).isFalse();
        assertThat(StaffChannels.decide(AUDITOR, asked("alerts", "")).refused()).isTrue();
        assertThat(StaffChannels.decide(PSYCHOLOGIST, asked("queue", "VSS", "operator", "psychologue"))
                        .refused())
                .isFalse();
    }

    @Test
    void nobodySignedInNoChannelAnUnknownChannelOrAnUnknownPlatformAreRefused() {
        assertThat(StaffChannels.decide(null, asked("operator", "operateur")).refusal())
                .isEqualTo(StaffChannels.UNAUTHENTICATED);
        assertThat(StaffChannels.decide(OPERATOR, Map.of()).refusal()).isEqualTo(StaffChannels.NO_CHANNEL);
        assertThat(StaffChannels.decide(ADMIN, asked("chat", "1")).refusal()).isEqualTo(StaffChannels.CHANNEL_REFUSED);
        assertThat(StaffChannels.decide(ADMIN, asked("queue", "generalist")).refused())
                .isTrue();
        assertThat(StaffChannels.decide(ADMIN, asked("alerts", "GENERALIST")).refused())
                .as("alerts has no user")
                .isTrue();
    }

    private static Map<String, List<String>> asked(String... pairs) {
        Map<String, List<String>> asked = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            asked.put(pairs[i], List.of(pairs[i + 1]));
        }
        return asked;
    }
}
