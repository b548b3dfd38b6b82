package fr.relais.privacy.boundary;

import fr.relais.privacy.control.MasterKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Period;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Privacy settings: the master keys ({@code RELAIS_MASTER_KEYS}, {@code RELAIS_MASTER_KEY_ID}; in demo
 * mode without them, the public demo key of {@link MasterKeys}), the retention period after closure
 * ({@code RELAIS_RETENTION}, ISO-8601 period, P1Y), and whether the retention run may be told what time
 * it is ({@code RELAIS_CLOCK_OVERRIDE_ALLOWED}, false: only test servers set it).
 */
@ApplicationScoped
public class PrivacySettings {
    private static final Logger LOG = Logger.getLogger(PrivacySettings.class.getName());

    @Inject
    @ConfigProperty(name = "RELAIS_MASTER_KEYS")
    Optional<String> masterKeys;

    @Inject
    @ConfigProperty(name = "RELAIS_MASTER_KEY_ID")
    Optional<String> masterKeyId;

    @Inject
    @ConfigProperty(name = "RELAIS_DEMO", defaultValue = "false")
    boolean demo;

    @Inject
    @ConfigProperty(name = "RELAIS_RETENTION", defaultValue = "P1Y")
    String retention;

    @Inject
    @ConfigProperty(name = "RELAIS_CLOCK_OVERRIDE_ALLOWED", defaultValue = "false")
    boolean clockOverrideAllowed;

    private MasterKeys keys;
    private String problem;
    private Period period;

    @PostConstruct
    void init() {
        try {
            keys = MasterKeys.parse(masterKeys.orElse(null), masterKeyId.orElse(null), demo);
            if (MasterKeys.DEMO_ID.equals(keys.currentId())) {
                LOG.warning("Sealing with the public demo master key (RELAIS_DEMO, no RELAIS_MASTER_KEYS)");
            }
        } catch (IllegalArgumentException e) {
            // fail closed: no sealing (hence no forwarding) until the keys are configured
            problem = e.getMessage();
            LOG.log(Level.SEVERE, problem);
        }
        period = Period.parse(retention);
    }

    /** Whether the master keys are configured and well formed, i.e. whether anything can be sealed. */
    public boolean sealingConfigured() {
        return keys != null;
    }

    /** @throws IllegalStateException when the master keys are missing or malformed */
    public MasterKeys masterKeys() {
        if (keys == null) {
            throw new IllegalStateException(problem);
        }
        return keys;
    }

    public Period retention() {
        return period;
    }

    public boolean clockOverrideAllowed() {
        return clockOverrideAllowed;
    }
}
