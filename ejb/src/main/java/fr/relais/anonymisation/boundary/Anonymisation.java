package fr.relais.anonymisation.boundary;

import fr.relais.anonymisation.control.AnonymisationResult;
import fr.relais.anonymisation.control.Anonymiser;
import fr.relais.anonymisation.control.DetectedEntity;
import fr.relais.anonymisation.control.EntityType;
import fr.relais.anonymisation.control.Policy;
import fr.relais.anonymisation.control.Redaction;
import fr.relais.anonymisation.control.ReporterIdentity;
import fr.relais.shared.Role;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The anonymisation engine as the application uses it: one thread-safe engine, its pseudonym key
 * from {@code RELAIS_PSEUDONYM_SECRET}.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Anonymisation {
    private static final Logger LOG = Logger.getLogger(Anonymisation.class.getName());

    @Inject
    @ConfigProperty(name = "RELAIS_PSEUDONYM_SECRET")
    Optional<String> secret;

    private Anonymiser anonymiser;

    @PostConstruct
    void init() {
        byte[] key;
        if (secret.isPresent() && secret.get().length() >= 16) {
            key = secret.get().getBytes(StandardCharsets.UTF_8);
        } else {
            // pseudonyms then link reports only within this run of the server
            LOG.warning("RELAIS_PSEUDONYM_SECRET unset or shorter than 16 characters: using a random key");
            key = new byte[32];
            new SecureRandom().nextBytes(key);
        }
        anonymiser = new Anonymiser(key);
    }

    /**
     * What would leave the platform for this text under {@code policy}: by default (null) fail-closed,
     * every detected entity redacted with a placeholder.
     */
    @RolesAllowed({Role.OPERATOR, Role.SUPERVISOR})
    public AnonymisationResult preview(String text, ReporterIdentity reporter, Policy policy) {
        return anonymiser.anonymise(
                text,
                reporter == null ? ReporterIdentity.empty() : reporter,
                policy == null ? Policy.failClosed() : policy);
    }

    /** Used by the lifecycle's anonymisation step, in the engine's call. */
    public AnonymisationResult redact(String text, ReporterIdentity reporter) {
        return anonymiser.anonymise(text, reporter == null ? ReporterIdentity.empty() : reporter, Policy.failClosed());
    }

    /**
     * One entity found in a text: its index (what {@link Policy#released()} refers to), type, place, value
     * and the placeholder that replaces it in the fail-closed redaction.
     */
    public record Finding(int index, EntityType type, int start, int end, String value, String replacement) {}

    /** The entities found in {@code text}, in order, each with its placeholder in the fail-closed redaction. */
    public List<Finding> findings(String text, ReporterIdentity reporter) {
        ReporterIdentity identity = reporter == null ? ReporterIdentity.empty() : reporter;
        List<DetectedEntity> entities = anonymiser.detect(text, identity);
        Map<Integer, String> replacements = new HashMap<>();
        for (Redaction r :
                anonymiser.anonymise(text, identity, Policy.failClosed()).redactions()) {
            replacements.put(r.start(), r.replacement());
        }
        List<Finding> found = new ArrayList<>(entities.size());
        for (int i = 0; i < entities.size(); i++) {
            DetectedEntity e = entities.get(i);
            found.add(new Finding(i, e.type(), e.start(), e.end(), e.value(), replacements.get(e.start())));
        }
        return found;
    }
}
