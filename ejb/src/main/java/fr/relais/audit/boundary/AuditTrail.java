package fr.relais.audit.boundary;

import fr.relais.audit.control.CanonicalForm;
import fr.relais.privacy.boundary.PersonalFields;
import fr.relais.privacy.entity.DataKey;
import fr.relais.shared.Role;
import fr.relais.shared.UtcInstantConverter;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Appends events to the audit chains, in the caller's transaction: the event commits or rolls back
 * with what it records. The chain's head row is locked ({@code select … for update}) while appending,
 * so writes on one report or chat queue behind each other and nothing else. The event's time is the
 * database's, taken under that lock, so that a daily anchor (taken with every head locked) splits
 * events cleanly into before and after.
 *
 * <p>Events hold ids and non-personal fields in clear (categories, units, statuses, reasons typed by
 * staff). Personal fields (a narrative before and after, a message, a released value) go in sealed under
 * the data key of the chain's report or chat ({@link PersonalFields}), as one ciphertext under
 * {@value #PERSONAL} ({@code {"sealed": …}}), hashed as stored: destroying the key at retention leaves
 * the chain intact and verifiable, and the values unreadable.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
@DeclareRoles({Role.OPERATOR, Role.PSYCHOLOGIST, Role.SUPERVISOR, Role.UNIT_AGENT, Role.AUDITOR, Role.ADMIN})
public class AuditTrail {
    /** Who acts when nobody signed in does: the engine's jobs and timers. */
    public static final String SYSTEM = "system";

    /** The citizen, who is never named in an event. */
    public static final String CITIZEN = "citizen";

    /** The field holding an event's sealed personal fields. */
    public static final String PERSONAL = "personal";

    private static final List<String> ROLES =
            List.of(Role.ADMIN, Role.AUDITOR, Role.SUPERVISOR, Role.UNIT_AGENT, Role.PSYCHOLOGIST, Role.OPERATOR);

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @EJB
    PersonalFields personalFields;

    /** Appends an event by the signed-in caller (or {@link #SYSTEM} for the engine's jobs). */
    public void record(Chain chain, String kind, Map<String, ?> fields) {
        recordWithPersonal(chain, kind, fields, Map.of());
    }

    /**
     * Appends an event by the signed-in caller with personal fields, sealed under the data key of the
     * chain's report or chat (a report's or chat's chain only; in others they are left out).
     */
    public void recordWithPersonal(Chain chain, String kind, Map<String, ?> fields, Map<String, ?> personal) {
        Principal principal = session.getCallerPrincipal();
        String name = principal == null ? null : principal.getName();
        if (name == null || name.isBlank() || "ANONYMOUS".equalsIgnoreCase(name)) {
            append(chain, kind, fields, personal, SYSTEM, "SYSTEM");
        } else {
            append(
                    chain,
                    kind,
                    fields,
                    personal,
                    name,
                    ROLES.stream().filter(session::isCallerInRole).findFirst().orElse("NONE"));
        }
    }

    /** Appends an event by the citizen when {@code byCitizen}, else by the signed-in caller. */
    public void record(Chain chain, String kind, Map<String, ?> fields, boolean byCitizen) {
        if (byCitizen) {
            recordByCitizen(chain, kind, fields);
        } else {
            record(chain, kind, fields);
        }
    }

    /** Appends an event of the citizen's (who is anonymous to the trail). */
    public void recordByCitizen(Chain chain, String kind, Map<String, ?> fields) {
        append(chain, kind, fields, Map.of(), CITIZEN, CITIZEN_ROLE);
    }

    /** Appends an event by the citizen when {@code byCitizen}, else by the signed-in caller, with personal fields. */
    public void recordWithPersonal(
            Chain chain, String kind, Map<String, ?> fields, Map<String, ?> personal, boolean byCitizen) {
        if (byCitizen) {
            append(chain, kind, fields, personal, CITIZEN, CITIZEN_ROLE);
        } else {
            recordWithPersonal(chain, kind, fields, personal);
        }
    }

    private static final String CITIZEN_ROLE = "CITIZEN";

    private void append(
            Chain chain, String kind, Map<String, ?> given, Map<String, ?> personal, String actor, String role) {
        Object[] head = lockedHead(chain.key());
        long seq = ((Number) head[0]).longValue() + 1;
        Map<String, ?> fields = withPersonal(chain, seq, given, personal);
        String prev = (String) head[1];
        Instant at = UtcInstantConverter.fromDatabase(head[2]);
        var event = new CanonicalForm.Event(
                chain.key(),
                seq,
                at,
                actor,
                role,
                kind,
                chain.reportId(),
                chain.chatId(),
                CanonicalForm.fields(fields),
                prev);
        String hash = CanonicalForm.hash(event);
        em.createNativeQuery("INSERT INTO audit_event (chain_key, seq, at, actor, actor_role, kind, report_id,"
                        + " chat_id, fields, form, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, chain.key())
                .setParameter(2, seq)
                .setParameter(3, LocalDateTime.ofInstant(CanonicalForm.stored(at), ZoneOffset.UTC))
                .setParameter(4, actor)
                .setParameter(5, role)
                .setParameter(6, kind)
                .setParameter(7, chain.reportId())
                .setParameter(8, chain.chatId())
                .setParameter(9, event.fields())
                .setParameter(10, CanonicalForm.VERSION)
                .setParameter(11, prev)
                .setParameter(12, hash)
                .executeUpdate();
        em.createNativeQuery("UPDATE audit_chain_head SET seq = ?, hash = ? WHERE chain_key = ?")
                .setParameter(1, seq)
                .setParameter(2, hash)
                .setParameter(3, chain.key())
                .executeUpdate();
    }

    /** The fields with the personal ones sealed under {@value #PERSONAL}, bound to the event's chain and seq. */
    private Map<String, ?> withPersonal(Chain chain, long seq, Map<String, ?> given, Map<String, ?> personal) {
        if (personal == null || personal.isEmpty()) {
            return given;
        }
        Map<String, Object> fields = new LinkedHashMap<>(given == null ? Map.of() : given);
        DataKey.Owner owner = chain.key().startsWith("report:")
                ? DataKey.Owner.REPORT
                : chain.key().startsWith("chat:") ? DataKey.Owner.CHAT : null;
        Long ownerId = owner == DataKey.Owner.REPORT ? chain.reportId() : chain.chatId();
        Optional<String> sealed = owner == null || ownerId == null
                ? Optional.empty()
                : personalFields.seal(
                        owner, ownerId, PersonalFields.place(chain.key(), seq), CanonicalForm.fields(personal));
        fields.put(PERSONAL, sealed.<Object>map(s -> Map.of("sealed", s)).orElse(Map.of("withheld", true)));
        return fields;
    }

    /** The chain's head (seq, hash, the database's time), locked; created empty on first use. */
    private Object[] lockedHead(String key) {
        List<?> rows = selectHead(key);
        if (rows.isEmpty()) {
            // a concurrent first append waits here on the key, then finds the row
            em.createNativeQuery("INSERT IGNORE INTO audit_chain_head (chain_key, seq, hash) VALUES (?, 0, ?)")
                    .setParameter(1, key)
                    .setParameter(2, CanonicalForm.GENESIS)
                    .executeUpdate();
            rows = selectHead(key);
        }
        return (Object[]) rows.get(0);
    }

    private List<?> selectHead(String key) {
        return em.createNativeQuery(
                        "SELECT seq, hash, UTC_TIMESTAMP(6) FROM audit_chain_head WHERE chain_key = ? FOR UPDATE")
                .setParameter(1, key)
                .getResultList();
    }
}
