package fr.relais.audit.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The nightly work on the audit trail, on every instance (the anchor's unique day keeps one per day):
 * today's anchor at 23:50 UTC, then a verification of every chain.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditSchedule {
    private static final Logger LOG = Logger.getLogger(AuditSchedule.class.getName());

    @EJB
    AuditChains chains;

    @Schedule(hour = "23", minute = "50", timezone = "UTC", persistent = false)
    void nightly() {
        try {
            chains.anchor(AuditTrail.SYSTEM);
            chains.verifyAsSystem();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "nightly audit anchor or verification failed", e);
        }
    }
}
