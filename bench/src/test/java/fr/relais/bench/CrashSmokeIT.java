package fr.relais.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The crash harness, briefly, so that it cannot rot: its own Relais on a fresh database, three
 * clients for a few seconds, one kill -9 with requests in flight, a restart on the same database,
 * two chats whose take-in-charge timers fall due while the server is down. Asserts what must hold
 * on any machine: nothing acknowledged lost or doubled, every lifecycle finished, the timers fired
 * once, the engine clean; never a duration.
 */
class CrashSmokeIT {
    @Test
    void nothingAcknowledgedIsLostOrDoubledByAKill() throws Exception {
        CrashBench.Outcome o = CrashBench.run(new CrashBench.Options(
                3,
                Duration.ofSeconds(4),
                Duration.ofSeconds(6),
                Duration.ofSeconds(1),
                2,
                0,
                Integer.getInteger("crash.port", 0),
                Duration.ofSeconds(20),
                Path.of(System.getProperty("relais.war")),
                Path.of(System.getProperty("relais.build.dir", "target")),
                List.of()));

        assertThat(o.exitStatus()).as("killed by SIGKILL\n" + o.report()).isEqualTo(137);
        assertThat(o.acknowledged()).as(o.report()).isPositive();
        assertThat(o.duplicates()).as(o.report()).isZero();
        assertThat(o.lost()).as(o.report()).isZero();
        assertThat(o.finished()).as(o.report()).isPositive().isEqualTo(o.started());
        assertThat(o.timersArranged()).as(o.report()).isEqualTo(2);
        assertThat(o.timersFired()).as(o.report()).isEqualTo(2);
        assertThat(o.incidents() + o.failedJobs() + o.overdueJobs() + o.orphans())
                .as(o.report())
                .isZero();
    }
}
