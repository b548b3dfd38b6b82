package fr.relais.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The harness, briefly, so that it cannot rot: its own Relais on a fresh database (the one given by
 * {@code RELAIS_TEST_DB_URL}, else an embedded MariaDB), two clients for five seconds (each as an
 * operator account the harness makes through the accounts API), a few paced
 * chats, one second of the database ceiling; then the live chat's part: a second of new chats,
 * five conversations open with their citizens' sockets, two seconds of operators' messages to
 * them. Asserts only that everything completes without errors and every message arrives: the
 * figures of a CI machine shared with other builds mean nothing.
 */
class BenchSmokeIT {
    @Test
    void completeLifecyclesRunWithoutErrors() throws Exception {
        Bench.Outcome outcome = Bench.run(new Bench.Options(
                2,
                2,
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                10,
                5,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Path.of(System.getProperty("relais.war")),
                Path.of(System.getProperty("relais.build.dir", "target")),
                List.of(),
                new Bench.Chat(true, 2, 5, 10, Duration.ofSeconds(2))));

        assertThat(outcome.completed()).as(outcome.report()).isPositive();
        assertThat(outcome.errors()).as(outcome.report()).isZero();
        assertThat(outcome.report()).contains("complete lifecycles/s", "achieved ÷ ceiling", "VmRSS");
        assertThat(outcome.report())
                .as("the clients worked as operator accounts made for the run, through the accounts API")
                .contains("2 operator accounts made for the run");
        assertThat(outcome.delivered())
                .as("every operator's message of the chat benchmark reached its citizen's socket\n" + outcome.report())
                .isEqualTo(20);
        assertThat(outcome.report()).contains("new chats/s", "message delivery");
    }
}
