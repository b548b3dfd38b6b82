package fr.relais.dangernow.boundary;

import fr.relais.anonymisation.boundary.Anonymisation;
import fr.relais.dangernow.control.DeskResolver;
import fr.relais.dangernow.entity.DangerRequest;
import fr.relais.directory.boundary.Caller;
import fr.relais.directory.boundary.Directory;
import fr.relais.directory.entity.Unit;
import fr.relais.intake.entity.Chat;
import fr.relais.intake.entity.ChatMessage;
import fr.relais.shared.DomainException;
import fr.relais.shared.Role;
import fr.relais.sla.boundary.Alerts;
import fr.relais.sla.entity.Alert;
import fr.relais.sla.entity.SlaBreach;
import fr.relais.workflow.ProcessVariables;
import fr.relais.workflow.Workflow;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Danger now: the operator holding a conversation raises an immediate request to the competent
 * unit's 24-hour desk (a {@code DangerNow} process per request) and goes on talking; an agent of that
 * unit acknowledges it. Both are system lines of the conversation's transcript.
 */
@Stateless
public class DangerNow {
    /** How many acknowledged requests the desk's screen keeps under the open ones. */
    static final int RECENTLY_ACKNOWLEDGED = 10;

    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");
    private static final String NOT_FOUND = "danger_request_not_found";
    private static final String NOT_FOUND_MESSAGE = "Demande introuvable.";

    @PersistenceContext
    EntityManager em;

    @EJB
    Directory directory;

    @EJB
    Workflow workflow;

    @EJB
    Anonymisation anonymisation;

    @Inject
    Event<DangerNowEvent> events;

    @EJB
    Alerts alerts;

    Clock clock = Clock.systemUTC();

    /**
     * Raises a danger-now request from the chat the caller holds, to the 24-hour desk covering the
     * place given. Refused when the chat already has a request its desk has not acknowledged.
     */
    @RolesAllowed(Role.OPERATOR)
    public StaffDangerRequest raise(long chatId, String postalCode, String commune, String summary) {
        String place = postalCode == null ? null : postalCode.strip();
        if (place == null || !POSTAL_CODE.matcher(place).matches()) {
            throw DomainException.invalid("invalid_postal_code", "Le code postal du lieu doit compter 5 chiffres.");
        }
        String town = commune == null || commune.isBlank() ? null : commune.strip();
        if (town != null && town.length() > 100) {
            throw DomainException.invalid("invalid_commune", "La commune dépasse 100 caractères.");
        }
        if (summary == null || summary.isBlank() || summary.strip().length() > DangerRequest.MAX_SUMMARY) {
            throw DomainException.invalid(
                    "invalid_summary", "Décrivez le danger en quelques mots (1000 caractères au plus).");
        }
        Caller caller = directory.currentCaller();
        Chat chat = em.find(Chat.class, chatId, LockModeType.PESSIMISTIC_WRITE);
        if (chat == null || !caller.worksOn(chat.platform())) {
            throw DomainException.notFound("chat_not_found", "Conversation introuvable.");
        }
        if (!chat.isHeldBy(caller.username())) {
            throw DomainException.conflict("chat_not_held", "Cette conversation n'est pas tenue par vous.");
        }
        if (requestsOf(chatId).anyMatch(d -> !d.isAcknowledged())) {
            throw DomainException.conflict(
                    "danger_request_open", "Une demande est déjà en attente de prise en compte par l'unité.");
        }
        Unit desk = competentDesk(place, town)
                .orElseThrow(() -> DomainException.invalid(
                        "no_desk_for_place",
                        "Aucune permanence 24 h/24 ne couvre ce lieu : appelez le 17 pour le signaler."));
        Instant now = clock.instant();
        DangerRequest request = new DangerRequest(
                chatId, chat.platform(), desk.code(), place, town, summary.strip(), caller.username(), now);
        em.persist(request);
        em.flush();
        em.persist(new ChatMessage(chatId, ChatMessage.Author.DANGER_RAISED, desk.name(), now));
        request.attachProcess(
                workflow.startDangerNow(request.id(), chatId, chat.platform().name(), desk.code()));
        events.fire(new DangerNowEvent(request.id(), chatId, desk.code(), chat.operator()));
        return StaffDangerRequest.of(request, desk.name(), request.summary());
    }

    /**
     * The 24-hour desk for a place: the one rule of this component that the directory of issue 9
     * replaces (the commune is kept for it; the postal code decides: the desks of the units covering
     * the communes that have it).
     */
    Optional<Unit> competentDesk(String postalCode, String commune) {
        return DeskResolver.desk(directory.unitsCovering(postalCode));
    }

    /** The caller's unit's requests: those waiting for acknowledgement first (oldest first), then the last acknowledged. */
    @RolesAllowed(Role.UNIT_AGENT)
    public List<UnitDangerRequest> forUnit() {
        String unit = unitAgent().unitCode();
        Stream<DangerRequest> open = em.createNamedQuery(DangerRequest.OPEN_FOR_UNIT, DangerRequest.class)
                .setParameter("unitCode", unit)
                .getResultStream();
        Stream<DangerRequest> acknowledged = em.createNamedQuery(
                        DangerRequest.ACKNOWLEDGED_BY_UNIT, DangerRequest.class)
                .setParameter("unitCode", unit)
                .setMaxResults(RECENTLY_ACKNOWLEDGED)
                .getResultStream();
        return Stream.concat(open, acknowledged).map(UnitDangerRequest::of).toList();
    }

    /** One request of the caller's unit; any other does not exist for it. */
    @RolesAllowed(Role.UNIT_AGENT)
    public UnitDangerRequest unitRequest(long requestId) {
        return UnitDangerRequest.of(ofCallersUnit(requestId, unitAgent(), LockModeType.NONE));
    }

    /** An agent of the target unit acknowledges: the desk has it in hand; the operator sees it at once. */
    @RolesAllowed(Role.UNIT_AGENT)
    public UnitDangerRequest acknowledge(long requestId) {
        Caller caller = unitAgent();
        DangerRequest request = ofCallersUnit(requestId, caller, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        request.acknowledge(caller.username(), now);
        em.persist(new ChatMessage(request.chatId(), ChatMessage.Author.DANGER_ACKNOWLEDGED, unitName(request), now));
        workflow.complete(
                request.processInstanceId(), ProcessVariables.TASK_ACKNOWLEDGE_DANGER_NOW, caller.actor(), Map.of());
        events.fire(new DangerNowEvent(request.id(), request.chatId(), request.unitCode(), holderOf(request)));
        return UnitDangerRequest.of(request);
    }

    /** A chat's requests, for the staff of its platform and for auditors (summary redacted). */
    @RolesAllowed({Role.OPERATOR, Role.SUPERVISOR, Role.PSYCHOLOGIST, Role.AUDITOR})
    public List<StaffDangerRequest> ofChat(long chatId) {
        Caller caller = directory.currentCaller();
        Chat chat = em.find(Chat.class, chatId);
        if (chat == null || (!caller.has(Role.AUDITOR) && !caller.worksOn(chat.platform()))) {
            throw DomainException.notFound("chat_not_found", "Conversation introuvable.");
        }
        boolean redacted = caller.has(Role.AUDITOR);
        return requestsOf(chatId)
                .map(d -> StaffDangerRequest.of(
                        d,
                        unitName(d),
                        redacted ? anonymisation.redact(d.summary(), null).text() : d.summary()))
                .toList();
    }

    /**
     * Called by the engine when the desk did not acknowledge in time: recorded as a missed service level
     * for the platform's supervisors and as a line of the conversation; the request stays with the unit.
     */
    public void escalate(long requestId) {
        DangerRequest request = em.find(DangerRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || request.isAcknowledged() || request.escalatedAt() != null) {
            return;
        }
        Instant now = clock.instant();
        request.escalate(now);
        em.persist(new SlaBreach(ESCALATION_STEP, request.chatId(), now));
        alerts.raise(
                Alert.Kind.DANGER_NOW_LATE,
                request.platform(),
                null,
                request.chatId(),
                request.unitCode(),
                "Demande « danger immédiat » non prise en compte en 5 minutes par " + unitName(request) + ".");
        em.persist(new ChatMessage(request.chatId(), ChatMessage.Author.DANGER_ESCALATED, unitName(request), now));
        events.fire(new DangerNowEvent(request.id(), request.chatId(), request.unitCode(), holderOf(request)));
    }

    /** The step a late acknowledgement records in {@code sla_breach}. */
    public static final String ESCALATION_STEP = "DANGER_NOW_ACK";

    private Stream<DangerRequest> requestsOf(long chatId) {
        return em.createNamedQuery(DangerRequest.OF_CHAT, DangerRequest.class)
                .setParameter("chatId", chatId)
                .getResultStream();
    }

    private DangerRequest ofCallersUnit(long requestId, Caller caller, LockModeType lock) {
        DangerRequest request = em.find(DangerRequest.class, requestId, lock);
        if (request == null || !caller.worksIn(request.unitCode())) {
            throw DomainException.notFound(NOT_FOUND, NOT_FOUND_MESSAGE);
        }
        return request;
    }

    private Caller unitAgent() {
        Caller caller = directory.currentCaller();
        if (caller.unitCode() == null) {
            throw DomainException.forbidden("Aucune unité associée.");
        }
        return caller;
    }

    private String unitName(DangerRequest request) {
        return directory.unit(request.unitCode()).map(Unit::name).orElse(request.unitCode());
    }

    private String holderOf(DangerRequest request) {
        Chat chat = em.find(Chat.class, request.chatId());
        return chat == null ? null : chat.operator();
    }
}
