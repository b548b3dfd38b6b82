package fr.relais.orientation.boundary;

import fr.relais.audit.boundary.AuditTrail;
import fr.relais.audit.boundary.Chain;
import fr.relais.orientation.control.OrientationTree;
import fr.relais.orientation.control.OrientationValidator;
import fr.relais.orientation.control.Sheets;
import fr.relais.orientation.entity.OrientationVersion;
import fr.relais.shared.Role;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The orientation tree the portal serves: the newest valid tree an administrator published, or else
 * the file shipped with the application ({@value #RESOURCE}), validated at start. Every instance
 * checks the newest published id on each read (one indexed query), so a tree published on one
 * instance is served by all of them at once.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Orientations {
    public static final String RESOURCE = "fr/relais/portal/orientation.json";
    /** Published versions read back when the newest is no longer valid (a sheet withdrawn, say). */
    static final int FALLBACK_VERSIONS = 20;

    private static final Logger LOG = Logger.getLogger(Orientations.class.getName());

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditTrail trail;

    @Resource
    SessionContext session;

    Clock clock = Clock.systemUTC();

    private volatile OrientationValidator validator;
    private volatile Map<String, String> sheets;
    private volatile Published shipped;
    private volatile Published current;
    /** The newest published id when {@link #current} was chosen ({@code -1}: never chosen). */
    private volatile long chosenAt = -1;

    /** The tree in use and where it comes from: {@code publishedBy} and {@code id} are null for the file. */
    public record Published(OrientationTree tree, Long id, String publishedBy, Instant publishedAt) {
        public boolean fromFile() {
            return id == null;
        }
    }

    /** A published version, for the administrators' history. */
    public record VersionSummary(long id, String version, int leaves, String publishedBy, Instant publishedAt)
            implements Serializable {}

    @PostConstruct
    void load() {
        ClassLoader loader = Objects.requireNonNullElse(
                Thread.currentThread().getContextClassLoader(), Orientations.class.getClassLoader());
        sheets = Sheets.load(loader);
        validator = new OrientationValidator(sheets.keySet());
        String file;
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            file = in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (file == null) {
            LOG.severe("The orientation tree " + RESOURCE + " is missing");
            return;
        }
        OrientationValidator.Result result = validator.validate(file);
        if (result.valid()) {
            shipped = new Published(result.tree(), null, null, null);
            LOG.info("Orientation tree " + result.tree().version() + " loaded: "
                    + result.tree().leafCount() + " final orientations");
        } else {
            LOG.severe("The orientation tree " + RESOURCE + " is invalid: " + result.problems());
        }
    }

    /** The tree served now (public). */
    @PermitAll
    public Published current() {
        Long newest =
                em.createNamedQuery(OrientationVersion.NEWEST_ID, Long.class).getSingleResult();
        long marker = newest == null ? 0 : newest;
        Published chosen = current;
        if (chosen == null || marker != chosenAt) {
            chosen = choose();
            current = chosen;
            chosenAt = marker;
        }
        if (chosen == null) {
            throw new IllegalStateException("No valid orientation tree: neither published nor shipped");
        }
        return chosen;
    }

    private Published choose() {
        List<OrientationVersion> versions = em.createNamedQuery(
                        OrientationVersion.NEWEST_FIRST, OrientationVersion.class)
                .setMaxResults(FALLBACK_VERSIONS)
                .getResultList();
        for (OrientationVersion v : versions) {
            OrientationValidator.Result result = validator.validate(v.content());
            if (result.valid()) {
                return new Published(result.tree(), v.id(), v.publishedBy(), v.publishedAt());
            }
            LOG.log(Level.WARNING, "Published orientation tree {0} is no longer valid: {1}", new Object[] {
                v.id(), result.problems()
            });
        }
        return shipped;
    }

    /** The ids and titles of the practical sheets a leaf may point at. */
    @PermitAll
    public Map<String, String> sheets() {
        return sheets;
    }

    /** What is wrong with that tree (empty when it is valid); changes nothing. */
    @RolesAllowed(Role.ADMIN)
    public List<String> check(String json) {
        return validator.validate(json).problems();
    }

    /** Publishes that tree, served at once by every instance; refused whole when it is not valid. */
    @RolesAllowed(Role.ADMIN)
    public Published publish(String json) {
        OrientationValidator.Result result = validator.validate(json);
        if (!result.valid()) {
            throw new InvalidOrientation(result.problems());
        }
        OrientationTree tree = result.tree();
        String admin = session.getCallerPrincipal().getName();
        OrientationVersion version =
                new OrientationVersion(tree.version(), json, tree.leafCount(), admin, clock.instant());
        em.persist(version);
        em.flush();
        trail.record(
                Chain.admin(),
                "orientation_published",
                Map.of("id", version.id(), "version", tree.version(), "leaves", tree.leafCount()));
        chosenAt = -1;
        return new Published(tree, version.id(), admin, version.publishedAt());
    }

    /** The versions administrators published, newest first. */
    @RolesAllowed(Role.ADMIN)
    public List<VersionSummary> history(int max) {
        return em.createNamedQuery(OrientationVersion.NEWEST_FIRST, OrientationVersion.class)
                .setMaxResults(Math.max(1, Math.min(max, 100)))
                .getResultStream()
                .map(v -> new VersionSummary(v.id(), v.version(), v.leaves(), v.publishedBy(), v.publishedAt()))
                .toList();
    }
}
