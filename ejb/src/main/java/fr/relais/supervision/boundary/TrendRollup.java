package fr.relais.supervision.boundary;

import fr.relais.shared.UtcInstantConverter;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Rolls the report facts up into hourly aggregates ({@code report_hour}) every minute: the hours of
 * the facts changed since the last roll-up are counted again from the facts and replaced. Lifecycle
 * writes touch only their own fact row; this job is the only writer of the aggregates and of its
 * watermark ({@code trend_rollup}, locked so that several instances take turns). Readers count the
 * hours touched since the watermark live ({@link Supervision#trends}), so figures are exact between
 * runs. The watermark stays {@link #MARGIN} behind the clock so that a transaction still open when the
 * job runs is counted at the next run.
 */
@Singleton
public class TrendRollup {
    static final Duration MARGIN = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    Clock clock = Clock.systemUTC();

    @Schedule(hour = "*", minute = "*", persistent = false)
    public void rollUp() {
        Instant watermark = UtcInstantConverter.fromDatabase(
                em.createNativeQuery("SELECT rolled_up_to FROM trend_rollup WHERE id = 1 FOR UPDATE")
                        .getSingleResult());
        Instant next = clock.instant().minus(MARGIN);
        if (!next.isAfter(watermark)) {
            return;
        }
        List<?> hours = em.createNativeQuery("SELECT DISTINCT created_hour FROM report_fact WHERE updated_at >= ?1")
                .setParameter(1, utc(watermark))
                .getResultList();
        for (Object hour : hours) {
            LocalDateTime h = utc(UtcInstantConverter.fromDatabase(hour));
            em.createNativeQuery("DELETE FROM report_hour WHERE hour_start = ?1")
                    .setParameter(1, h)
                    .executeUpdate();
            @SuppressWarnings("unchecked")
            List<Object[]> cells = em.createNativeQuery(
                            "SELECT platform, door, COALESCE(category, ''), COUNT(*)"
                                    + " FROM report_fact WHERE created_hour = ?1 GROUP BY platform, door, COALESCE(category, '')")
                    .setParameter(1, h)
                    .getResultList();
            for (Object[] c : cells) {
                em.createNativeQuery("INSERT INTO report_hour (hour_start, platform, door, category, reports)"
                                + " VALUES (?1, ?2, ?3, ?4, ?5)")
                        .setParameter(1, h)
                        .setParameter(2, c[0])
                        .setParameter(3, c[1])
                        .setParameter(4, c[2])
                        .setParameter(5, ((Number) c[3]).intValue())
                        .executeUpdate();
            }
        }
        em.createNativeQuery("UPDATE trend_rollup SET rolled_up_to = ?1 WHERE id = 1")
                .setParameter(1, utc(next))
                .executeUpdate();
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
