package fr.relais.qualification.boundary;

import fr.relais.audit.boundary.AuditTrail;
import fr.relais.audit.boundary.Chain;
import fr.relais.shared.DomainException;
import fr.relais.shared.Role;
import fr.relais.workflow.Workflow;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.Map;

/**
 * The decision tables as an administrator manages them: a new version of a table is deployed without
 * rebuilding; reports started afterwards use it, running reports keep the version they started with.
 */
@Stateless
public class DecisionTables {
    /** A DMN table is a few kilobytes; anything much larger is not one. */
    static final int MAX_BYTES = 200_000;

    @EJB
    Workflow workflow;

    @EJB
    AuditTrail trail;

    @RolesAllowed(Role.ADMIN)
    public Workflow.DeployedTable deploy(byte[] dmn) {
        if (dmn == null || dmn.length == 0 || dmn.length > MAX_BYTES) {
            throw DomainException.invalid(
                    "invalid_decision_table", "Fichier DMN absent ou trop grand (200 ko au plus).");
        }
        Workflow.DeployedTable deployed = workflow.deployDecisionTable(dmn);
        trail.record(Chain.admin(), "decision_table_deployed", Map.of("key", deployed.key(), "version", (long)
                deployed.version()));
        return deployed;
    }
}
