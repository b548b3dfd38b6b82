package fr.relais.directory.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Cluster-wide set of revoked accounts: user name to the instant (epoch milliseconds) of the
 * revocation; credentials checked or tokens issued before it are refused. Held in Payara's
 * Hazelcast data grid (an {@code IMap}, which is a {@link ConcurrentMap}), so disabling an account
 * on one instance revokes its tokens on all of them without a database query per call. Without a
 * grid (Payara Micro started with {@code --nocluster}) the set is local to the instance.
 */
@ApplicationScoped
public class Revocations {
    private static final Logger LOG = Logger.getLogger(Revocations.class.getName());
    static final String GRID_JNDI_NAME = "payara/Hazelcast";
    static final String MAP_NAME = "relais-revoked-accounts";

    private ConcurrentMap<String, Long> revoked;
    private final Clock clock = Clock.systemUTC();

    @PostConstruct
    void connect() {
        revoked = gridMap();
        if (revoked == null) {
            revoked = new ConcurrentHashMap<>();
            LOG.info("Token revocations: no data grid, revocations are local to this instance");
        } else {
            LOG.info("Token revocations: held in the data grid map " + MAP_NAME);
        }
    }

    /** Revokes every credential and token of the account issued until now. */
    public void revoke(String username) {
        revoked.put(username, clock.millis());
    }

    /** When the account's credentials were last revoked (epoch milliseconds), or 0. */
    public long revokedAt(String username) {
        Long at = revoked.get(username);
        return at == null ? 0 : at;
    }

    /** Whether something issued at {@code issuedAtMillis} for this account is revoked. */
    public boolean isRevoked(String username, long issuedAtMillis) {
        Long at = revoked.get(username);
        return at != null && issuedAtMillis <= at;
    }

    @SuppressWarnings("unchecked")
    private static ConcurrentMap<String, Long> gridMap() {
        try {
            Object grid = new InitialContext().lookup(GRID_JNDI_NAME);
            if (grid == null) {
                return null;
            }
            // HazelcastInstance.getMap: called reflectively so the build needs no Hazelcast jar
            // of the exact version Payara ships; an IMap is a ConcurrentMap.
            Object map = grid.getClass().getMethod("getMap", String.class).invoke(grid, MAP_NAME);
            return (ConcurrentMap<String, Long>) map;
        } catch (NamingException | ReflectiveOperationException | RuntimeException e) {
            LOG.fine(() -> "no data grid: " + e);
            return null;
        }
    }
}
