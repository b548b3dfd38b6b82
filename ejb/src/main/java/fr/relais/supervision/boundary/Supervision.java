package fr.relais.supervision.boundary;

import fr.relais.directory.boundary.Caller;
import fr.relais.directory.boundary.Directory;
import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import fr.relais.shared.Role;
import fr.relais.shared.UtcInstantConverter;
import fr.relais.supervision.control.Percentiles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures supervisors open first: chats waiting and taken in charge within two minutes, and the
 * handoffs to units, per period. Read from the read model ({@code chat_fact}) and the handoffs, never
 * from the engine's history; percentiles are exact ({@link Percentiles}, nearest rank). A supervisor
 * sees their own platform; an administrator any.
 */
@Stateless
@RolesAllowed({Role.SUPERVISOR, Role.ADMIN})
public class Supervision {
    /** The take-in-charge target: two minutes. */
    public static final Duration TAKE_TARGET = Duration.ofMinutes(2);
    /** The longest period one call may cover. */
    public static final Duration MAX_PERIOD = Duration.ofDays(366);

    public record ChatFigures(
            Platform platform,
            Instant from,
            Instant to,
            int waiting,
            Long oldestWaitSeconds,
            int waitingOverTarget,
            int opened,
            int taken,
            int takenWithinTarget,
            Double shareTakenWithinTarget,
            Long delayMedianSeconds,
            Long delayP90Seconds,
            Long delayP99Seconds,
            int breaches,
            String percentileMethod) {}

    public record UnitFigures(
            String unitCode,
            String unitName,
            String kind,
            String department,
            int sent,
            int acknowledged,
            int takenOver,
            int declined,
            int backlog,
            Long acknowledgementMedianSeconds,
            Long acknowledgementP90Seconds,
            int breaches) {}

    @PersistenceContext
    EntityManager em;

    @EJB
    Directory directory;

    Clock clock = Clock.systemUTC();

    /**
     * The chats of a platform opened in [from, to) (default: the last 24 hours), and those waiting now.
     * A breach: taken later than two minutes after opening, or still waiting past two minutes.
     */
    public ChatFigures chats(Platform requested, Instant from, Instant to) {
        Platform platform = platformFor(directory.currentCaller(), requested);
        Instant now = clock.instant();
        Instant end = to == null ? now : to;
        Instant start = from == null ? end.minus(Duration.ofDays(1)) : from;
        checkPeriod(start, end);

        List<?> waitingRows = em.createNativeQuery("SELECT c.queued_at FROM chat c"
                        + " WHERE c.platform = ?1 AND c.status = 'WAITING' ORDER BY c.queued_at")
                .setParameter(1, platform.name())
                .getResultList();
        Instant oldest = waitingRows.isEmpty() ? null : UtcInstantConverter.fromDatabase(waitingRows.get(0));
        int waitingOverTarget = (int) waitingRows.stream()
                .map(UtcInstantConverter::fromDatabase)
                .filter(at -> Duration.between(at, now).compareTo(TAKE_TARGET) > 0)
                .count();

        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT f.take_delay_ms, f.opened_at FROM chat_fact f"
                        + " WHERE f.platform = ?1 AND f.opened_at >= ?2 AND f.opened_at < ?3")
                .setParameter(1, platform.name())
                .setParameter(2, utc(start))
                .setParameter(3, utc(end))
                .getResultList();
        long[] delays = rows.stream()
                .filter(r -> r[0] != null)
                .mapToLong(r -> ((Number) r[0]).longValue())
                .toArray();
        int within = (int) java.util.Arrays.stream(delays)
                .filter(d -> d <= TAKE_TARGET.toMillis())
                .count();
        // chats of the period still not taken and waiting past the target are breaches too
        int lateUntaken = (int) rows.stream()
                .filter(r -> r[0] == null)
                .map(r -> UtcInstantConverter.fromDatabase(r[1]))
                .filter(at -> Duration.between(at, now).compareTo(TAKE_TARGET) > 0)
                .count();
        return new ChatFigures(
                platform,
                start,
                end,
                waitingRows.size(),
                oldest == null ? null : Duration.between(oldest, now).toSeconds(),
                waitingOverTarget,
                rows.size(),
                delays.length,
                within,
                delays.length == 0 ? null : (double) within / delays.length,
                seconds(Percentiles.of(delays, 50)),
                seconds(Percentiles.of(delays, 90)),
                seconds(Percentiles.of(delays, 99)),
                delays.length - within + lateUntaken,
                Percentiles.METHOD);
    }

    /**
     * The handoffs forwarded in [from, to) (default: the last 30 days) per unit, for the caller's
     * platform (an administrator: every platform), optionally one department or unit kind. A breach:
     * acknowledged after the report's acknowledgement target, or not acknowledged and past it.
     */
    public List<UnitFigures> handoffs(String department, String kind, Instant from, Instant to) {
        Caller caller = directory.currentCaller();
        Platform platform = caller.has(Role.ADMIN) ? null : platformFor(caller, null);
        Instant now = clock.instant();
        Instant end = to == null ? now : to;
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : from;
        checkPeriod(start, end);
        if (department != null && !department.matches("\\d{2}|2[AB]|97[1-6]")) {
            throw DomainException.invalid("invalid_department", "Département invalide (ex. 78, 2A, 974).");
        }
        StringBuilder sql = new StringBuilder("SELECT h.unit_code, u.name, u.kind, u.department, h.decision,"
                + " h.forwarded_at, h.acknowledged_at, r.acknowledge_due_at"
                + " FROM handoff h JOIN unit u ON u.code = h.unit_code JOIN report r ON r.id = h.report_id"
                + " WHERE h.forwarded_at >= ?1 AND h.forwarded_at < ?2");
        List<Object> parameters = new ArrayList<>(List.of(utc(start), utc(end)));
        if (platform != null) {
            parameters.add(platform.name());
            sql.append(" AND r.platform = ?").append(parameters.size());
        }
        if (department != null) {
            parameters.add(department);
            sql.append(" AND u.department = ?").append(parameters.size());
        }
        if (kind != null && !kind.isBlank()) {
            parameters.add(kind.strip());
            sql.append(" AND u.kind = ?").append(parameters.size());
        }
        var query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<String, List<Object[]>> byUnit = new LinkedHashMap<>();
        for (Object[] row : rows) {
            byUnit.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add(row);
        }
        List<UnitFigures> figures = new ArrayList<>();
        for (var entry : byUnit.entrySet()) {
            List<Object[]> handoffs = entry.getValue();
            Object[] first = handoffs.get(0);
            int acknowledged = 0, takenOver = 0, declined = 0, backlog = 0, breaches = 0;
            List<Long> ackDelays = new ArrayList<>();
            for (Object[] h : handoffs) {
                String decision = (String) h[4];
                Instant forwardedAt = UtcInstantConverter.fromDatabase(h[5]);
                Instant acknowledgedAt = UtcInstantConverter.fromDatabase(h[6]);
                Instant dueAt = UtcInstantConverter.fromDatabase(h[7]);
                if ("ACCEPTED".equals(decision)) {
                    takenOver++;
                } else if ("DECLINED".equals(decision)) {
                    declined++;
                } else {
                    backlog++;
                }
                if (acknowledgedAt != null) {
                    acknowledged++;
                    ackDelays.add(Duration.between(forwardedAt, acknowledgedAt).toMillis());
                }
                if (dueAt != null
                        && ((acknowledgedAt != null && acknowledgedAt.isAfter(dueAt))
                                || (acknowledgedAt == null && decision == null && now.isAfter(dueAt)))) {
                    breaches++;
                }
            }
            long[] delays = ackDelays.stream().mapToLong(Long::longValue).toArray();
            figures.add(new UnitFigures(
                    entry.getKey(),
                    (String) first[1],
                    (String) first[2],
                    (String) first[3],
                    handoffs.size(),
                    acknowledged,
                    takenOver,
                    declined,
                    backlog,
                    seconds(Percentiles.of(delays, 50)),
                    seconds(Percentiles.of(delays, 90)),
                    breaches));
        }
        figures.sort(Comparator.comparingInt(UnitFigures::breaches)
                .reversed()
                .thenComparing(Comparator.comparingInt(UnitFigures::backlog).reversed())
                .thenComparing(UnitFigures::unitCode));
        return figures;
    }

    /** A supervisor's own platform (another one is refused); an administrator names one. */
    static Platform platformFor(Caller caller, Platform requested) {
        if (caller.has(Role.ADMIN)) {
            if (requested == null) {
                throw DomainException.invalid("platform_required", "Précisez la plateforme : GENERALIST ou VSS.");
            }
            return requested;
        }
        if (caller.platform() == null || (requested != null && requested != caller.platform())) {
            throw DomainException.forbidden("Vous supervisez une autre plateforme.");
        }
        return caller.platform();
    }

    private static void checkPeriod(Instant start, Instant end) {
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            throw DomainException.invalid("invalid_period", "Période invalide : « from » avant « to », un an au plus.");
        }
    }

    private static Long seconds(Long millis) {
        return millis == null ? null : Math.round(millis / 1000.0);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
