package fr.relais.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The history benchmark, briefly, so that it cannot rot: its own Relais on a fresh database, two
 * thousand generated reports, two calls of each supervision and audit call. Asserts only that every
 * call answers without error, with the figures' table: a CI machine's timings mean nothing.
 */
class HistorySmokeIT {
    @Test
    void everySupervisionAndAuditCallAnswersOnAGeneratedHistory() throws Exception {
        HistoryBench.Outcome outcome =
                HistoryBench.run(Map.of("count", "2000", "chunk", "1000", "calls", "2", "warmup", "1"));

        assertThat(outcome.errors()).as(outcome.report()).isZero();
        assertThat(outcome.measured())
                .as(outcome.report())
                .isEqualTo(2L * HistoryBench.calls(1, 1, Instant.now()).size());
        assertThat(outcome.report()).contains("Generated 2,000 reports", "GET /audit/reports?unit=", "p95 target");
    }
}
