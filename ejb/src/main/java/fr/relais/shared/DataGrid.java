package fr.relais.shared;

import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Payara's Hazelcast data grid (JNDI {@value #JNDI_NAME}), which the instances of one cluster share:
 * what must cross instances goes through it. Payara Micro started with {@code --nocluster} still
 * provides a grid of one member; a server without any leaves {@link #instance()} empty, and the
 * callers then keep to the instance.
 */
@ApplicationScoped
public class DataGrid {
    public static final String JNDI_NAME = "payara/Hazelcast";
    private static final Logger LOG = Logger.getLogger(DataGrid.class.getName());

    private HazelcastInstance instance;

    @PostConstruct
    void connect() {
        try {
            instance = (HazelcastInstance) new InitialContext().lookup(JNDI_NAME);
        } catch (NamingException | ClassCastException | LinkageError e) {
            LOG.log(Level.INFO, "No data grid at " + JNDI_NAME + ": this instance keeps to itself", e);
        }
    }

    public Optional<HazelcastInstance> instance() {
        return Optional.ofNullable(instance);
    }

    /** Members of the cluster this instance belongs to (1 alone), or 0 without a grid. */
    public int members() {
        try {
            return instance == null ? 0 : instance.getCluster().getMembers().size();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "cluster membership unavailable", e);
            return 0;
        }
    }

    /** The cluster's name, or null without a grid. */
    public String clusterName() {
        try {
            return instance == null ? null : instance.getConfig().getClusterName();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
