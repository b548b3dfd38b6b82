package fr.relais.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The harness, briefly, so that it cannot rot: its own Relais on a fresh database (the one given by
 * {@code RELAIS_TEST_DB_URL}, else an embedded MariaDB), two clients for five seconds, a few paced
 * chats, one second of the database ceiling. Asserts only that lifecycles complete without errors:
 * the figures of a CI machine shared with other builds mean nothing.
 */
class BenchSmokeIT {
    @Test
    void completeLifecyclesRunWithoutErrors() throws Exception {
        Bench.Outcome outcome = Bench.run(new Bench.Options(
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
                List.of()));

        assertThat(outcome.completed()).as(outcome.report()).isPositive();
        assertThat(outcome.errors()).as(outcome.report()).isZero();
        assertThat(outcome.report()).contains("complete lifecycles/s", "achieved ÷ ceiling", "VmRSS");
    }
}
