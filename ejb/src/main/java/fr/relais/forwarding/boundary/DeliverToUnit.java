package fr.relais.forwarding.boundary;

import fr.relais.forwarding.control.DeliverySignature;
import fr.relais.forwarding.control.UnitSystemClient;
import fr.relais.workflow.PermanentFailure;
import fr.relais.workflow.ProcessVariables;
import fr.relais.workflow.RunLater;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code Task_DeliverToUnit}: one attempt to POST the unit's projection of the report to its system,
 * signed, with the delivery's idempotency key. A 2xx ends the delivery; 408, 429, 5xx, a timeout or an
 * unreachable system fail the job (the model's retry cycle); any other answer is a permanent failure,
 * an incident at once. Every attempt is recorded, in a transaction of its own.
 */
@Named("deliverToUnit")
@Dependent
public class DeliverToUnit implements JavaDelegate {
    @EJB
    Deliveries deliveries;

    @Inject
    DeliverySettings settings;

    Clock clock = Clock.systemUTC();

    @Override
    public void execute(DelegateExecution execution) {
        long deliveryId = (Long) execution.getVariable(ProcessVariables.DELIVERY_ID);
        var outgoing = deliveries.outgoing(deliveryId);
        if (outgoing.isEmpty()) {
            return;
        }
        var out = outgoing.get();
        if (!settings.calls().tryAcquire()) {
            throw new RunLater("delivery " + deliveryId + ": this node's calls to units' systems are all in flight");
        }
        UnitSystemClient.Outcome outcome;
        try {
            String timestamp = String.valueOf(clock.instant().getEpochSecond());
            outcome = settings.client()
                    .post(
                            out.url(),
                            out.body(),
                            out.idempotencyKey(),
                            timestamp,
                            DeliverySignature.sign(out.secret(), timestamp, out.body()));
        } finally {
            settings.calls().release();
        }
        deliveries.recordAttempt(deliveryId, outcome.code(), outcome.verdict() == UnitSystemClient.Verdict.DELIVERED);
        switch (outcome.verdict()) {
            case DELIVERED -> {}
            case RETRY -> throw new IllegalStateException(
                    "delivery " + deliveryId + " not delivered: " + outcome.code());
            case REFUSED -> throw new PermanentFailure("delivery " + deliveryId + " refused: " + outcome.code());
        }
    }
}
