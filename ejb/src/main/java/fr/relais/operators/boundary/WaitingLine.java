package fr.relais.operators.boundary;

import fr.relais.intake.boundary.Intake;
import fr.relais.intake.entity.Chat;
import fr.relais.operators.control.WaitEstimator;
import fr.relais.shared.Platform;
import fr.relais.shared.UtcInstantConverter;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The citizens' waiting estimates: position in the platform's queue and the estimate of {@link
 * WaitEstimator} from the chats taken in charge recently and the available operators' free slots.
 */
@Stateless
public class WaitingLine {
    @PersistenceContext
    EntityManager em;

    @EJB
    Intake intake;

    @EJB
    Operators operators;

    Clock clock = Clock.systemUTC();

    /** A citizen's own chat, with its token (404 for a wrong one, as everywhere). */
    @PermitAll
    public Waiting forCitizen(long chatId, String token) {
        Chat chat = intake.chatOfCitizen(chatId, token);
        if (chat.status() != Chat.Status.WAITING) {
            return Waiting.notWaiting(chat.id(), chat.status());
        }
        return ofPlatform(chat.platform()).getOrDefault(chat.id(), Waiting.notWaiting(chat.id(), chat.status()));
    }

    /** Every waiting chat of a platform, in queue order (for the push to the citizens' sockets). */
    @PermitAll
    public Map<Long, Waiting> ofPlatform(Platform platform) {
        WaitEstimator estimator = new WaitEstimator(clock);
        List<Chat> queue = em
                .createNamedQuery(Chat.BY_PLATFORM_AND_STATUS, Chat.class)
                .setParameter("platform", platform)
                .setParameter("status", Chat.Status.WAITING)
                .getResultList()
                .stream()
                .sorted(Comparator.comparing(Chat::createdAt).thenComparing(Chat::id))
                .toList();
        if (queue.isEmpty()) {
            return Map.of();
        }
        List<WaitEstimator.Sample> recent = recentTakeIns(platform, estimator.windowStart());
        Operators.Capacity capacity = operators.capacity(platform);
        Map<Long, Waiting> result = new LinkedHashMap<>();
        int position = 0;
        for (Chat chat : queue) {
            position++;
            WaitEstimator.Estimate e =
                    estimator.estimate(position, recent, capacity.availableOperators(), capacity.freeSlots());
            result.put(
                    chat.id(),
                    new Waiting(
                            chat.id(),
                            chat.status(),
                            e.position(),
                            e.estimate() == null ? null : e.estimate().toSeconds(),
                            e.nobodyAvailable() ? null : e.minutes(),
                            e.nobodyAvailable()));
        }
        return result;
    }

    /**
     * After a change of a platform's queue or operators: every waiting chat's estimate, and the
     * changed chat's status when it no longer waits (so that its page stops showing a position).
     */
    @PermitAll
    public Map<Long, Waiting> afterChange(Platform platform, Long changedChatId) {
        Map<Long, Waiting> result = new LinkedHashMap<>(ofPlatform(platform));
        if (changedChatId != null && !result.containsKey(changedChatId)) {
            Chat chat = em.find(Chat.class, changedChatId);
            if (chat != null) {
                result.put(chat.id(), Waiting.notWaiting(chat.id(), chat.status()));
            }
        }
        return result;
    }

    private List<WaitEstimator.Sample> recentTakeIns(Platform platform, Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT created_at, taken_at FROM chat WHERE platform = ?1 AND taken_at >= ?2")
                .setParameter(1, platform.name())
                .setParameter(2, LocalDateTime.ofInstant(since, ZoneOffset.UTC))
                .getResultList();
        return rows.stream()
                .map(row -> new WaitEstimator.Sample(
                        UtcInstantConverter.fromDatabase(row[0]), UtcInstantConverter.fromDatabase(row[1])))
                .toList();
    }
}
