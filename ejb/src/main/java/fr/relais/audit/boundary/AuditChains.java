package fr.relais.audit.boundary;

import fr.relais.audit.control.AnchorCheck;
import fr.relais.audit.control.CanonicalForm;
import fr.relais.audit.control.ChainCheck;
import fr.relais.audit.entity.AuditEvent;
import fr.relais.intake.entity.Chat;
import fr.relais.qualification.entity.Report;
import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import fr.relais.shared.Role;
import fr.relais.shared.UtcInstantConverter;
import fr.relais.sla.boundary.Alerts;
import fr.relais.sla.entity.Alert;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/** Verification of the audit chains and their daily anchors. */
@Stateless
public class AuditChains {
    private static final Logger LOG = Logger.getLogger(AuditChains.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @EJB
    AuditTrail trail;

    @EJB
    Alerts alerts;

    /** An anchor as stored. */
    public record Anchor(LocalDate day, Instant at, long chains, String headsHash, String prevHash, String hash) {}

    /**
     * Walks every chain (or the one of a report) and, for all chains, the anchors; records the result
     * and returns it.
     */
    @RolesAllowed({Role.ADMIN, Role.AUDITOR})
    public Verification verify(Long reportId) {
        if (reportId != null
                && em.createNativeQuery("SELECT id FROM report WHERE id = ?")
                        .setParameter(1, reportId)
                        .getResultList()
                        .isEmpty()) {
            throw DomainException.notFound("report_not_found", "Signalement introuvable.");
        }
        Verification result = walk(reportId);
        String by = session.getCallerPrincipal().getName();
        store(result, by, reportId);
        if (!result.holds()) {
            onBreak(result);
        }
        trail.record(
                Chain.user(by, reportId),
                "audit_verified",
                Map.of("holds", result.holds(), "chains", result.chains(), "events", result.events()));
        return result;
    }

    /** The nightly verification of every chain, as the system; a break raises an alert (once). */
    public Verification verifyAsSystem() {
        Verification result = walk(null);
        store(result, AuditTrail.SYSTEM, null);
        if (!result.holds()) {
            onBreak(result);
        }
        return result;
    }

    /**
     * A break found by any verification raises one alert ({@link Alert.Kind#AUDIT_CHAIN_BROKEN}) naming the
     * chain and its first broken link, on the platform of the report or chat the chain belongs to (none for
     * the other chains: administrators see those). Once per break: {@code audit_break_alert} keeps the
     * breaks already alerted (chain and seq; its key makes concurrent instances raise one), so the nightly
     * runs that find the same break again stay silent.
     */
    void onBreak(Verification result) {
        Verification.Broken b = result.firstBroken();
        LOG.severe(() -> "audit trail broken: " + b);
        if (b == null) {
            return;
        }
        String key = b.chain() + "#" + (b.seq() == null ? "" : b.seq());
        int first = em.createNativeQuery("INSERT IGNORE INTO audit_break_alert (break_key, chain_key, seq, event_id,"
                        + " reason, raised_at) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(6))")
                .setParameter(1, key)
                .setParameter(2, b.chain())
                .setParameter(3, b.seq())
                .setParameter(4, b.eventId())
                .setParameter(5, b.reason())
                .executeUpdate();
        if (first == 0) {
            return;
        }
        Long reportId = idOf(b.chain(), "report:");
        Long chatId = idOf(b.chain(), "chat:");
        Platform platform = null;
        if (reportId != null) {
            Report report = em.find(Report.class, reportId);
            platform = report == null ? null : report.platform();
            chatId = report == null ? null : report.chatId();
        } else if (chatId != null) {
            Chat chat = em.find(Chat.class, chatId);
            platform = chat == null ? null : chat.platform();
        }
        alerts.raise(
                Alert.Kind.AUDIT_CHAIN_BROKEN,
                platform,
                reportId,
                chatId,
                null,
                "Chaîne d'audit " + b.chain() + " rompue" + (b.seq() == null ? "" : " au maillon " + b.seq())
                        + (b.eventId() == null ? "" : " (événement " + b.eventId() + ")") + " : " + b.reason() + ".");
    }

    private static Long idOf(String chain, String prefix) {
        if (chain == null || !chain.startsWith(prefix)) {
            return null;
        }
        try {
            return Long.valueOf(chain.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Walks the chain of one report without storing a verification run (an export states it); a break
     * raises its alert like any verification.
     */
    @RolesAllowed({Role.ADMIN, Role.AUDITOR})
    public Verification check(long reportId) {
        Verification result = walk(reportId);
        if (!result.holds()) {
            onBreak(result);
        }
        return result;
    }

    Verification walk(Long reportId) {
        List<Object[]> heads = new ArrayList<>();
        if (reportId == null) {
            for (Object row : em.createNativeQuery(
                            "SELECT chain_key, seq, hash FROM audit_chain_head WHERE seq > 0 ORDER BY chain_key")
                    .getResultList()) {
                heads.add((Object[]) row);
            }
        } else {
            for (Object row : em.createNativeQuery(
                            "SELECT chain_key, seq, hash FROM audit_chain_head WHERE chain_key = ?")
                    .setParameter(1, Chain.report(reportId).key())
                    .getResultList()) {
                heads.add((Object[]) row);
            }
        }
        long events = 0;
        for (Object[] head : heads) {
            String key = (String) head[0];
            long seq = ((Number) head[1]).longValue();
            List<ChainCheck.Stored> stored = em.createNamedQuery(AuditEvent.OF_CHAIN_UP_TO, AuditEvent.class)
                    .setParameter("chain", key)
                    .setParameter("seq", seq)
                    .getResultStream()
                    .map(e -> new ChainCheck.Stored(e.id(), e.content(), e.hash()))
                    .toList();
            events += stored.size();
            Optional<ChainCheck.Break> broken = ChainCheck.check(key, seq, (String) head[2], stored);
            if (broken.isPresent()) {
                var b = broken.get();
                return new Verification(
                        false,
                        heads.size(),
                        events,
                        new Verification.Broken(
                                b.chain(), b.seq(), b.eventId(), b.reason().code()));
            }
        }
        if (reportId == null) {
            Optional<Verification.Broken> anchor = checkAnchors();
            if (anchor.isPresent()) {
                return new Verification(false, heads.size(), events, anchor.get());
            }
        }
        return new Verification(true, heads.size(), events, null);
    }

    /**
     * The anchors link to each other and hash as stored; the latest one matches the chains' heads as
     * the events say they were at its time (an event deleted or added before it shows).
     */
    private Optional<Verification.Broken> checkAnchors() {
        List<Anchor> anchors = anchors();
        List<String> lines = new ArrayList<>();
        if (!anchors.isEmpty()) {
            Anchor latest = anchors.get(anchors.size() - 1);
            for (Object row : em.createNativeQuery("SELECT e.chain_key, e.seq, e.hash FROM audit_event e JOIN"
                            + " (SELECT chain_key, MAX(seq) AS s FROM audit_event WHERE at <= ? GROUP BY chain_key) m"
                            + " ON e.chain_key = m.chain_key AND e.seq = m.s ORDER BY e.chain_key")
                    .setParameter(1, LocalDateTime.ofInstant(latest.at(), ZoneOffset.UTC))
                    .getResultList()) {
                Object[] r = (Object[]) row;
                lines.add(CanonicalForm.headLine((String) r[0], ((Number) r[1]).longValue(), (String) r[2]));
            }
        }
        return AnchorCheck.firstBroken(
                        anchors.stream()
                                .map(a -> new AnchorCheck.Anchor(
                                        a.day(), a.chains(), a.headsHash(), a.prevHash(), a.hash()))
                                .toList(),
                        lines)
                .map(day -> new Verification.Broken("anchor:" + day, null, null, "anchor"));
    }

    private void store(Verification v, String by, Long reportId) {
        var broken = v.firstBroken();
        em.createNativeQuery("INSERT INTO audit_verification (at, by_whom, report_id, holds, chains, events,"
                        + " broken_chain, broken_seq, broken_event, reason) VALUES (UTC_TIMESTAMP(6), ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?)")
                .setParameter(1, by)
                .setParameter(2, reportId)
                .setParameter(3, v.holds())
                .setParameter(4, v.chains())
                .setParameter(5, v.events())
                .setParameter(6, broken == null ? null : broken.chain())
                .setParameter(7, broken == null ? null : broken.seq())
                .setParameter(8, broken == null ? null : broken.eventId())
                .setParameter(9, broken == null ? null : broken.reason())
                .executeUpdate();
    }

    /** The anchors, oldest first. */
    public List<Anchor> anchors() {
        List<Anchor> anchors = new ArrayList<>();
        for (Object row : em.createNativeQuery(
                        "SELECT day, at, chains, heads_hash, prev_hash, hash FROM audit_anchor ORDER BY day")
                .getResultList()) {
            Object[] r = (Object[]) row;
            anchors.add(new Anchor(
                    day(r[0]),
                    UtcInstantConverter.fromDatabase(r[1]),
                    ((Number) r[2]).longValue(),
                    (String) r[3],
                    (String) r[4],
                    (String) r[5]));
        }
        return anchors;
    }

    /** An administrator anchors the chains now (today's anchor, unless there is one already). */
    @RolesAllowed(Role.ADMIN)
    public Anchor anchorNow() {
        String by = session.getCallerPrincipal().getName();
        Anchor anchor = anchor(by);
        trail.record(Chain.admin(), "audit_anchored", Map.of("day", anchor.day().toString(), "hash", anchor.hash()));
        return anchor;
    }

    /**
     * Writes today's anchor (UTC) unless one exists: every head locked in key order (appends wait a
     * moment), hashed with the database's time; the unique day makes concurrent instances write one.
     */
    public Anchor anchor(String by) {
        List<String> lines = new ArrayList<>();
        for (Object row : em.createNativeQuery(
                        "SELECT chain_key, seq, hash FROM audit_chain_head WHERE seq > 0 ORDER BY chain_key FOR UPDATE")
                .getResultList()) {
            Object[] r = (Object[]) row;
            lines.add(CanonicalForm.headLine((String) r[0], ((Number) r[1]).longValue(), (String) r[2]));
        }
        Instant at = UtcInstantConverter.fromDatabase(
                em.createNativeQuery("SELECT UTC_TIMESTAMP(6)").getSingleResult());
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        List<Anchor> anchors = anchors();
        Optional<Anchor> existing =
                anchors.stream().filter(a -> a.day().equals(day)).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        String prev = anchors.isEmpty()
                ? CanonicalForm.GENESIS
                : anchors.get(anchors.size() - 1).hash();
        String headsHash = CanonicalForm.headsHash(lines);
        String hash = CanonicalForm.anchorHash(day.toString(), lines.size(), headsHash, prev);
        em.createNativeQuery("INSERT IGNORE INTO audit_anchor (day, at, chains, heads_hash, prev_hash, hash,"
                        + " written_by) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, day)
                .setParameter(2, LocalDateTime.ofInstant(at, ZoneOffset.UTC))
                .setParameter(3, lines.size())
                .setParameter(4, headsHash)
                .setParameter(5, prev)
                .setParameter(6, hash)
                .setParameter(7, by)
                .executeUpdate();
        return new Anchor(day, at, lines.size(), headsHash, prev, hash);
    }

    private static LocalDate day(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        throw new IllegalStateException("unexpected day: " + value);
    }
}
