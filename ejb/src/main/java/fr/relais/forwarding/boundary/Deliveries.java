package fr.relais.forwarding.boundary;

import fr.relais.audit.boundary.AuditTrail;
import fr.relais.audit.boundary.Chain;
import fr.relais.directory.boundary.Directory;
import fr.relais.forwarding.entity.Delivery;
import fr.relais.forwarding.entity.Handoff;
import fr.relais.forwarding.entity.UnitEndpoint;
import fr.relais.qualification.entity.Report;
import fr.relais.shared.DomainException;
import fr.relais.shared.Role;
import fr.relais.workflow.ProcessVariables;
import fr.relais.workflow.Workflow;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Delivery of forwarded reports to units' own systems: the units' endpoints (kept by admins), a
 * {@code Delivery} process per handoff to a unit that has one, what each attempt sends and what came of
 * it, and the admin's view of failed deliveries and their retry.
 */
@Stateless
public class Deliveries {
    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 200;
    static final int MAX_URL = 500;
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final String NOT_FOUND = "delivery_not_found";

    @PersistenceContext
    EntityManager em;

    @EJB
    Workflow workflow;

    @EJB
    Directory directory;

    @EJB
    AuditTrail trail;

    Clock clock = Clock.systemUTC();

    /**
     * Called where a report is handed to a unit (competence, rerouting), after its handoff is persisted:
     * when the unit has an endpoint, the delivery starts in the same transaction; otherwise nothing.
     */
    public void handedOver(long reportId, String unitCode) {
        if (em.find(UnitEndpoint.class, unitCode) == null) {
            return;
        }
        em.flush();
        Handoff handoff = Handoff.lastOf(em, reportId).orElseThrow();
        Delivery delivery = new Delivery(handoff.id(), reportId, unitCode, clock.instant());
        em.persist(delivery);
        em.flush();
        delivery.attachProcess(workflow.startDelivery(delivery.id(), reportId, unitCode));
    }

    /** What one attempt sends: where, signed with what, under which key, and the unit's projection. */
    public record Outgoing(String url, String secret, String idempotencyKey, String body) {}

    /**
     * Called by the engine before each attempt: nothing when the delivery is done, or withdrawn (the
     * unit declined the report meanwhile, or its endpoint was removed); else the unit's projection of
     * the report as it stands, for the endpoint as it is now (an admin's fix counts at the next try).
     */
    public Optional<Outgoing> outgoing(long deliveryId) {
        Delivery delivery = em.find(Delivery.class, deliveryId);
        if (delivery == null || !delivery.pending()) {
            return Optional.empty();
        }
        Handoff handoff = em.find(Handoff.class, delivery.handoffId());
        if (!handoff.heldByUnit()) {
            delivery.withdraw("DECLINED");
            return Optional.empty();
        }
        UnitEndpoint endpoint = em.find(UnitEndpoint.class, delivery.unitCode());
        if (endpoint == null) {
            delivery.withdraw("NO_ENDPOINT");
            return Optional.empty();
        }
        Report report = em.find(Report.class, delivery.reportId());
        return Optional.of(new Outgoing(
                endpoint.url(),
                endpoint.secret(),
                delivery.idempotencyKey(),
                JSON.toJson(UnitReport.of(report, handoff))));
    }

    /**
     * Records one attempt in a transaction of its own, so that it stays recorded when the attempt's job
     * fails and is rolled back.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordAttempt(long deliveryId, String outcome, boolean delivered) {
        Delivery delivery = em.find(Delivery.class, deliveryId);
        delivery.attempted(outcome, delivered, clock.instant());
        trail.record(
                Chain.report(delivery.reportId()),
                "delivery_attempt",
                Map.of("deliveryId", deliveryId, "outcome", String.valueOf(outcome), "delivered", delivered));
    }

    /** The deliveries the engine gave up on (incidents), oldest failure first. */
    @RolesAllowed(Role.ADMIN)
    public List<DeliveryStatus> failed() {
        Map<String, Workflow.Stuck> stuck = workflow.stuck(ProcessVariables.DELIVERY).stream()
                .collect(Collectors.toMap(Workflow.Stuck::processInstanceId, Function.identity(), (a, b) -> a));
        if (stuck.isEmpty()) {
            return List.of();
        }
        return em
                .createNamedQuery(Delivery.OF_PROCESSES, Delivery.class)
                .setParameter("processInstanceIds", stuck.keySet())
                .getResultList()
                .stream()
                .filter(Delivery::pending)
                .map(d -> status(d, stuck.get(d.processInstanceId())))
                .sorted(Comparator.comparing(DeliveryStatus::failedSince))
                .toList();
    }

    /** A report's deliveries, oldest first. */
    @RolesAllowed(Role.ADMIN)
    public List<DeliveryStatus> ofReport(long reportId) {
        Map<String, Workflow.Stuck> stuck = stuckByProcess();
        return em
                .createNamedQuery(Delivery.OF_REPORT, Delivery.class)
                .setParameter("reportId", reportId)
                .getResultList()
                .stream()
                .map(d -> status(d, stuck.get(d.processInstanceId())))
                .toList();
    }

    @RolesAllowed(Role.ADMIN)
    public DeliveryStatus delivery(long deliveryId) {
        Delivery delivery = find(deliveryId);
        return status(delivery, stuckByProcess().get(delivery.processInstanceId()));
    }

    /**
     * An admin runs a failed delivery again, now (after fixing the unit's endpoint, or once its system is
     * back); the same idempotency key goes with it.
     *
     * @throws DomainException CONFLICT when the delivery has not failed
     */
    @RolesAllowed(Role.ADMIN)
    public DeliveryStatus retry(long deliveryId) {
        Delivery delivery = find(deliveryId);
        if (!delivery.pending()) {
            throw DomainException.conflict("not_failed", "Rien à relancer : aucun échec en attente.");
        }
        workflow.retryFailedJob(delivery.processInstanceId());
        trail.record(Chain.report(delivery.reportId()), "delivery_retried", Map.of("deliveryId", deliveryId));
        return status(delivery, null);
    }

    /** A unit's endpoint, without its secret. */
    @RolesAllowed(Role.ADMIN)
    public EndpointSettings endpoint(String unitCode) {
        UnitEndpoint endpoint = em.find(UnitEndpoint.class, knownUnit(unitCode));
        if (endpoint == null) {
            throw DomainException.notFound("endpoint_not_found", "Cette unité n'a pas de système destinataire.");
        }
        return EndpointSettings.of(endpoint);
    }

    /**
     * Sets a unit's endpoint: an http(s) URL and the shared secret (16 to 200 characters; optional when
     * changing the URL of an endpoint that has one: the secret is kept).
     */
    @RolesAllowed(Role.ADMIN)
    public EndpointSettings setEndpoint(String unitCode, String url, String secret) {
        String code = knownUnit(unitCode);
        String address = validUrl(url);
        String key = secret == null || secret.isEmpty() ? null : secret;
        if (key != null && (key.length() < MIN_SECRET || key.length() > MAX_SECRET || key.isBlank())) {
            throw DomainException.invalid("invalid_secret", "Le secret partagé doit compter de 16 à 200 caractères.");
        }
        String by = directory.currentCaller().username();
        UnitEndpoint endpoint = em.find(UnitEndpoint.class, code);
        if (endpoint == null) {
            if (key == null) {
                throw DomainException.invalid("invalid_secret", "Le secret partagé est obligatoire.");
            }
            endpoint = new UnitEndpoint(code, address, key, by, clock.instant());
            em.persist(endpoint);
        } else {
            endpoint.change(address, key, by, clock.instant());
        }
        trail.record(
                Chain.admin(), "unit_endpoint_set", Map.of("unit", code, "url", address, "secretChanged", key != null));
        return EndpointSettings.of(endpoint);
    }

    /** Removes a unit's endpoint: its reports are no longer delivered to its system (pending ones are withdrawn). */
    @RolesAllowed(Role.ADMIN)
    public void removeEndpoint(String unitCode) {
        UnitEndpoint endpoint = em.find(UnitEndpoint.class, knownUnit(unitCode));
        if (endpoint != null) {
            em.remove(endpoint);
            trail.record(Chain.admin(), "unit_endpoint_removed", Map.of("unit", endpoint.unitCode()));
        }
    }

    static String validUrl(String url) {
        String invalid = "L'adresse doit être une URL http ou https complète (500 caractères au plus).";
        if (url == null || url.isBlank() || url.strip().length() > MAX_URL) {
            throw DomainException.invalid("invalid_url", invalid);
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null
                    || uri.getRawUserInfo() != null
                    || uri.getRawFragment() != null) {
                throw DomainException.invalid("invalid_url", invalid);
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw DomainException.invalid("invalid_url", invalid);
        }
    }

    private String knownUnit(String unitCode) {
        return directory
                .unit(unitCode)
                .orElseThrow(() -> DomainException.notFound("unit_not_found", "Unité inconnue."))
                .code();
    }

    private Delivery find(long deliveryId) {
        Delivery delivery = em.find(Delivery.class, deliveryId);
        if (delivery == null) {
            throw DomainException.notFound(NOT_FOUND, "Livraison introuvable.");
        }
        return delivery;
    }

    private Map<String, Workflow.Stuck> stuckByProcess() {
        return workflow.stuck(ProcessVariables.DELIVERY).stream()
                .collect(Collectors.toMap(Workflow.Stuck::processInstanceId, Function.identity(), (a, b) -> a));
    }

    private DeliveryStatus status(Delivery d, Workflow.Stuck stuck) {
        Report report = em.find(Report.class, d.reportId());
        return DeliveryStatus.of(d, report == null ? null : report.reference(), stuck);
    }
}
