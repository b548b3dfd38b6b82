package fr.relais.supervision.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Adds the settled handoffs (the unit decided: nothing the figures read of them changes afterwards) of past days,
 * in UTC, to the daily aggregates {@code handoff_day}, and marks them {@code rolled_up}, every five minutes, at most
 * {@link #BATCH} a run (V53). {@link Supervision#handoffs} reads the aggregates for a period's whole days and every
 * handoff not rolled up from the rows, so its figures are the same before and after a run. Lifecycle writes never
 * touch the aggregates; this job is their only writer, and it locks {@code handoff_rollup} so that several
 * instances take turns. The delays are appended unordered: readers sort them.
 */
@Singleton
public class HandoffRollup {
    static final int BATCH = 20_000;

    /** The aggregate of the handoffs marked 2 (the batch), added to the day's row. */
    static final String ADD_BATCH = "SET STATEMENT group_concat_max_len = " + Supervision.DELAYS_MAX_LENGTH + " FOR"
            + " INSERT INTO handoff_day (day, unit_code, platform, sent, acknowledged, taken_over, declined, breaches,"
            + " delays) SELECT DATE(forwarded_at), unit_code, COALESCE(platform, ''), COUNT(*), COUNT(acknowledged_at),"
            + " SUM(CASE WHEN decision = 'ACCEPTED' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN decision = 'DECLINED' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN acknowledge_due_at IS NOT NULL AND acknowledged_at > acknowledge_due_at THEN 1 ELSE 0 END),"
            + " COALESCE(GROUP_CONCAT(TIMESTAMPDIFF(MICROSECOND, forwarded_at, acknowledged_at) DIV 1000), '')"
            + " FROM handoff WHERE rolled_up = 2 GROUP BY DATE(forwarded_at), unit_code, COALESCE(platform, '')"
            + " ON DUPLICATE KEY UPDATE sent = sent + VALUES(sent), acknowledged = acknowledged + VALUES(acknowledged),"
            + " taken_over = taken_over + VALUES(taken_over), declined = declined + VALUES(declined),"
            + " breaches = breaches + VALUES(breaches), delays = CASE WHEN VALUES(delays) = '' THEN delays"
            + " WHEN delays = '' THEN VALUES(delays) ELSE CONCAT(delays, ',', VALUES(delays)) END";

    @PersistenceContext
    EntityManager em;

    Clock clock = Clock.systemUTC();

    @Schedule(hour = "*", minute = "*/5", persistent = false)
    public void rollUp() {
        em.createNativeQuery("SELECT id FROM handoff_rollup WHERE id = 1 FOR UPDATE")
                .getSingleResult();
        int marked = em.createNativeQuery("UPDATE handoff SET rolled_up = 2 WHERE rolled_up = 0"
                        + " AND decision IS NOT NULL AND forwarded_at < ?1 LIMIT " + BATCH)
                .setParameter(
                        1, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).atStartOfDay())
                .executeUpdate();
        if (marked > 0) {
            em.createNativeQuery(ADD_BATCH).executeUpdate();
            em.createNativeQuery("UPDATE handoff SET rolled_up = 1 WHERE rolled_up = 2")
                    .executeUpdate();
        }
        em.createNativeQuery("UPDATE handoff_rollup SET rolled_at = UTC_TIMESTAMP(6) WHERE id = 1")
                .executeUpdate();
    }
}
