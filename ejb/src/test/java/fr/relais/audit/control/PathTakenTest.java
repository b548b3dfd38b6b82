package fr.relais.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathTakenTest {
    static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    static PathTaken.Passage pass(String id, int start, Integer end) {
        return new PathTaken.Passage(id, T0.plusSeconds(start), end == null ? null : T0.plusSeconds(end));
    }

    static final List<PathTaken.Flow> MODEL = List.of(
            new PathTaken.Flow("f1", "Start", "Task_Qualify"),
            new PathTaken.Flow("f2", "Task_Qualify", "Gateway"),
            new PathTaken.Flow("f3", "Gateway", "Task_Validate"),
            new PathTaken.Flow("f4", "Task_Validate", "Gateway_Validated"),
            new PathTaken.Flow("f5", "Gateway_Validated", "Task_Qualify"),
            new PathTaken.Flow("f6", "Gateway_Validated", "Task_Forward"),
            new PathTaken.Flow("f7", "Gateway", "Task_Forward"));

    @Test
    void aFlowIsTakenWhenItsTargetStartedAfterItsSourceEnded() {
        var taken = PathTaken.flows(
                MODEL,
                List.of(
                        pass("Start", 0, 0),
                        pass("Task_Qualify", 0, 10),
                        pass("Gateway", 10, 10),
                        pass("Task_Validate", 10, null)));
        assertThat(taken).containsExactly("f1", "f2", "f3");
    }

    @Test
    void aLoopBackToAnEarlierTaskIsTakenOnceTheTaskRunsAgain() {
        var taken = PathTaken.flows(
                MODEL,
                List.of(
                        pass("Start", 0, 0),
                        pass("Task_Qualify", 0, 10),
                        pass("Gateway", 10, 10),
                        pass("Task_Validate", 10, 20),
                        pass("Gateway_Validated", 20, 20),
                        pass("Task_Qualify", 20, 30)));
        assertThat(taken).containsExactly("f1", "f2", "f3", "f4", "f5").doesNotContain("f6", "f7");
    }

    @Test
    void aTargetThatStartedBeforeTheSourceEndedIsNotReachedThroughIt() {
        var taken = PathTaken.flows(
                MODEL, List.of(pass("Task_Forward", 0, 5), pass("Gateway", 10, 10), pass("Task_Qualify", 0, null)));
        assertThat(taken).doesNotContain("f7", "f2");
    }
}
