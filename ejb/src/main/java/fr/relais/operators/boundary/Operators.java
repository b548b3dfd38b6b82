package fr.relais.operators.boundary;

import fr.relais.directory.boundary.AccountEvent;
import fr.relais.directory.boundary.Caller;
import fr.relais.directory.boundary.Directory;
import fr.relais.directory.entity.AppUser;
import fr.relais.intake.entity.Chat;
import fr.relais.operators.entity.OperatorState;
import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import fr.relais.shared.Role;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Operators at work: their status (available, on break, off shift, each change kept with its
 * time), the cap of conversations each holds at once, and the rule that only an available
 * operator under the cap takes a chat in charge. Intake asks {@link #checkMayTake} in the
 * transaction of the take.
 */
@Stateless
public class Operators {
    @Resource
    SessionContext context;

    public static final int MAX_CAP = 20;

    @PersistenceContext
    EntityManager em;

    @EJB
    Directory directory;

    @Inject
    Event<OperatorEvent> events;

    /** The cap of an operator no supervisor has set one for. */
    @Inject
    @ConfigProperty(name = "RELAIS_OPERATOR_MAX_CHATS", defaultValue = "3")
    int defaultCap;

    Clock clock = Clock.systemUTC();

    /** The calling operator's status. */
    @RolesAllowed(Role.OPERATOR)
    public OperatorStatus mine() {
        Caller caller = directory.currentCaller();
        return statusOf(caller.username(), caller.platform(), em.find(OperatorState.class, caller.username()));
    }

    /** The calling operator changes status; going off shift hands the conversations held back to the queue. */
    @RolesAllowed(Role.OPERATOR)
    public OperatorStatus changeStatus(OperatorState.Status next) {
        return changeStatus(next, null, null);
    }

    /**
     * The calling operator changes status. Going off shift while holding conversations first tells
     * {@link OperatorEvent.WentOffShift} observers, which hand them over in this transaction, to
     * {@code colleague} (an available operator of the platform under their cap, checked by the
     * transfer: {@link #checkMayReceive}) or, without one, back to the queue; a refusal there, or chats
     * still held then, refuse the change and nothing is handed over.
     *
     * @param colleague only with {@code OFF_SHIFT} (400 {@code invalid_hand_over} otherwise)
     * @param note for staff, with each conversation handed over
     */
    @RolesAllowed(Role.OPERATOR)
    public OperatorStatus changeStatus(OperatorState.Status next, String colleague, String note) {
        if (next == null) {
            throw DomainException.invalid(
                    "invalid_status", "Statut manquant ou inconnu : AVAILABLE, ON_BREAK ou OFF_SHIFT.");
        }
        String handTo = colleague == null || colleague.isBlank() ? null : colleague.strip();
        if (handTo != null && next != OperatorState.Status.OFF_SHIFT) {
            throw DomainException.invalid(
                    "invalid_hand_over", "On ne confie ses conversations à un collègue qu'en quittant son service.");
        }
        Caller caller = directory.currentCaller();
        OperatorState state = lockedState(caller.username());
        if (next == OperatorState.Status.OFF_SHIFT && state.status() != OperatorState.Status.OFF_SHIFT) {
            List<Long> held = heldChats(caller.username());
            if (!held.isEmpty()) {
                // intake's Transfers observes it and hands each chat back to the queue with its history,
                // in this transaction; a chat it could not hand back refuses the change below
                events.fire(new OperatorEvent.WentOffShift(caller.username(), caller.platform(), held, handTo, note));
                em.flush();
                if (!heldChats(caller.username()).isEmpty()) {
                    throw DomainException.conflict(
                            "chats_still_held",
                            "Vous tenez encore des conversations : terminez-les ou transférez-les avant de"
                                    + " quitter votre service.");
                }
            }
        }
        var change = state.changeTo(next, clock.instant());
        if (change != null) {
            em.persist(change);
            events.fire(new OperatorEvent.AvailabilityChanged(caller.username(), caller.platform()));
        }
        return statusOf(caller.username(), caller.platform(), state);
    }

    /**
     * An administrator disabled the account: it goes off shift (its conversations are handed back by
     * intake's observer of the same event), so no transfer or estimate counts it as available.
     */
    public void onAccountDisabled(@Observes AccountEvent.Disabled disabled) {
        OperatorState state = em.find(OperatorState.class, disabled.username(), LockModeType.PESSIMISTIC_WRITE);
        if (state == null) {
            return;
        }
        var change = state.changeTo(OperatorState.Status.OFF_SHIFT, clock.instant());
        if (change != null) {
            em.persist(change);
            directory
                    .user(disabled.username())
                    .ifPresent(user ->
                            events.fire(new OperatorEvent.AvailabilityChanged(disabled.username(), user.platform())));
        }
    }

    /** The operators of the calling supervisor's platform, by name. */
    @RolesAllowed(Role.SUPERVISOR)
    public List<OperatorStatus> team() {
        return teamOf(requirePlatform(directory.currentCaller()));
    }

    /** The operators of a platform, by name: its supervisors, or an administrator. */
    @RolesAllowed({Role.SUPERVISOR, Role.ADMIN})
    public List<OperatorStatus> teamOf(Platform platform) {
        Caller caller = directory.currentCaller();
        if (!caller.has(Role.ADMIN) && (platform == null || platform != caller.platform())) {
            throw DomainException.forbidden("Vous supervisez une autre plateforme.");
        }
        List<String> names = operatorsOf(platform);
        Map<String, OperatorState> states = states(names);
        Map<String, Long> held = heldByOperator(platform);
        return names.stream()
                .map(name -> statusOf(
                        name,
                        platform,
                        states.get(name),
                        held.getOrDefault(name, 0L).intValue()))
                .sorted(Comparator.comparing(OperatorStatus::username))
                .toList();
    }

    /**
     * Sets the cap of conversations an operator of the supervisor's platform holds at once (1 to
     * {@value #MAX_CAP}); null goes back to the configured default. Chats already held stay held.
     */
    @RolesAllowed(Role.SUPERVISOR)
    public OperatorStatus setCap(String username, Integer cap) {
        Caller caller = directory.currentCaller();
        Platform platform = requirePlatform(caller);
        if (cap != null && (cap < 1 || cap > MAX_CAP)) {
            throw DomainException.invalid("invalid_cap", "Le plafond doit être compris entre 1 et " + MAX_CAP + ".");
        }
        AppUser user = username == null ? null : directory.user(username).orElse(null);
        if (user == null || user.platform() != platform || !user.roles().contains(Role.OPERATOR)) {
            // another platform's operator does not exist for this supervisor
            throw DomainException.notFound("operator_not_found", "Opérateur introuvable.");
        }
        OperatorState state = lockedState(username);
        state.capAt(cap);
        events.fire(new OperatorEvent.AvailabilityChanged(username, platform));
        return statusOf(username, platform, state);
    }

    /**
     * Refuses a take by an operator who is not available or already holds as many chats as the
     * cap. Locks the operator's row: two takes by one operator queue behind each other, so the cap
     * holds under concurrent clicks.
     */
    @RolesAllowed(Role.OPERATOR)
    public void checkMayTake(Caller caller) {
        OperatorState state = lockedState(caller.username());
        if (state.status() != OperatorState.Status.AVAILABLE) {
            throw DomainException.conflict(
                    "operator_not_available",
                    "Vous n'êtes pas disponible : passez au statut « disponible » pour prendre une conversation.");
        }
        int cap = capOf(state);
        if (heldChats(caller.username()).size() >= cap) {
            throw DomainException.conflict(
                    "conversation_cap_reached",
                    "Vous tenez déjà " + cap + " conversations, votre plafond : terminez-en une d'abord.");
        }
    }

    /**
     * Refuses handing a conversation to a colleague who is not available (409 {@code target_not_available})
     * or already holds as many chats as their cap (409 {@code target_cap_reached}). Locks the colleague's
     * row, as a take does: their own takes and other hand-overs to them queue behind it, so the cap holds.
     */
    @RolesAllowed({Role.OPERATOR, Role.PSYCHOLOGIST})
    public void checkMayReceive(String username) {
        OperatorState state = lockedState(username);
        if (state.status() != OperatorState.Status.AVAILABLE) {
            throw DomainException.conflict(
                    "target_not_available",
                    "Ce collègue n'est pas disponible (en pause ou hors service) : choisissez-en un autre ou la file.");
        }
        int cap = capOf(state);
        if (heldChats(username).size() >= cap) {
            throw DomainException.conflict(
                    "target_cap_reached",
                    "Ce collègue tient déjà " + cap
                            + " conversations, son plafond : choisissez-en un autre ou la file.");
        }
    }

    /** Available operators of a platform and their free slots, for the waiting estimate. */
    public record Capacity(int availableOperators, int freeSlots) {}

    @PermitAll
    public Capacity capacity(Platform platform) {
        List<String> names = operatorsOf(platform);
        Map<String, OperatorState> states = states(names);
        Map<String, Long> held = heldByOperator(platform);
        int available = 0;
        int free = 0;
        for (String name : names) {
            OperatorState state = states.get(name);
            if (state == null || state.status() == OperatorState.Status.AVAILABLE) {
                available++;
                free += Math.max(0, capOf(state) - held.getOrDefault(name, 0L).intValue());
            }
        }
        return new Capacity(available, free);
    }

    private OperatorStatus statusOf(String username, Platform platform, OperatorState state) {
        return statusOf(username, platform, state, heldChats(username).size());
    }

    private OperatorStatus statusOf(String username, Platform platform, OperatorState state, int held) {
        String displayName = directory.user(username).map(AppUser::displayName).orElse(username);
        return new OperatorStatus(
                username,
                displayName,
                platform,
                state == null ? OperatorState.Status.AVAILABLE : state.status(),
                state == null ? null : state.statusSince(),
                held,
                capOf(state),
                state != null && state.maxChats() != null);
    }

    private int capOf(OperatorState state) {
        return state == null || state.maxChats() == null ? defaultCap : state.maxChats();
    }

    /** The operator's row, locked for update; made (available, default cap) when missing. */
    private OperatorState lockedState(String username) {
        // a locking read of a missing row takes a gap lock, and two first takes of one operator then
        // deadlock on their inserts (seen in the chat benchmark): make the row exist, committed, first
        boolean exists = !em.createNativeQuery("SELECT 1 FROM operator_state WHERE username = ?1")
                .setParameter(1, username)
                .getResultList()
                .isEmpty();
        if (!exists) {
            context.getBusinessObject(Operators.class).createState(username);
        }
        return em.find(OperatorState.class, username, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Gives an operator their status row (available), in a transaction of its own that commits at
     * once: concurrent callers wait on the first insert, then find the row, and lock it in their own
     * transactions. Without a locking read before it, no gap lock is held.
     */
    @RolesAllowed({Role.OPERATOR, Role.SUPERVISOR, Role.PSYCHOLOGIST})
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void createState(String username) {
        em.createNativeQuery("INSERT IGNORE INTO operator_state (username, status, status_since, version)"
                        + " VALUES (?1, 'AVAILABLE', ?2, 0)")
                .setParameter(1, username)
                .setParameter(2, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate();
    }

    private List<Long> heldChats(String username) {
        return em.createNamedQuery(Chat.TAKEN_BY, Chat.class)
                .setParameter("operator", username)
                .getResultStream()
                .map(Chat::id)
                .toList();
    }

    private List<String> operatorsOf(Platform platform) {
        return em.createQuery(
                        "select u.username from AppUser u join u.roles r where u.platform = :platform"
                                + " and r = :role and u.enabled = true",
                        String.class)
                .setParameter("platform", platform)
                .setParameter("role", Role.OPERATOR)
                .getResultList();
    }

    private Map<String, OperatorState> states(List<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery(OperatorState.OF_USERS, OperatorState.class)
                .setParameter("usernames", names)
                .getResultStream()
                .collect(Collectors.toMap(OperatorState::username, Function.identity()));
    }

    private Map<String, Long> heldByOperator(Platform platform) {
        return em.createQuery(
                        "select c.operator, count(c) from Chat c where c.platform = :platform"
                                + " and c.status = fr.relais.intake.entity.Chat.Status.TAKEN group by c.operator",
                        Object[].class)
                .setParameter("platform", platform)
                .getResultStream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> ((Number) row[1]).longValue()));
    }

    private static Platform requirePlatform(Caller caller) {
        if (caller.platform() == null) {
            throw DomainException.forbidden("Aucune plateforme associée.");
        }
        return caller.platform();
    }
}
