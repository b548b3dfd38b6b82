package fr.relais.qualification.boundary;

import fr.relais.qualification.control.AcknowledgementDeadlines;
import fr.relais.workflow.ProcessVariables;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The model's {@code acknowledgementTarget} listener, on the flows into {@code Task_AcknowledgeReport}
 * after the stage FORWARDED started the report's acknowledgement clock: sets the dates of the task's
 * two escalation timers ({@link ProcessVariables#ACKNOWLEDGE_DUE_AT}, {@link
 * ProcessVariables#ACKNOWLEDGE_DEPARTMENT_DUE_AT}) as ISO instants.
 */
@Named("acknowledgementTarget")
@Dependent
public class AcknowledgementTarget implements ExecutionListener {
    private static final Logger LOG = Logger.getLogger(AcknowledgementTarget.class.getName());

    @EJB
    Qualifications qualifications;

    /** The delay from the target to the escalation to the departmental level; blank: the same delay again. */
    @Inject
    @ConfigProperty(name = "RELAIS_ACK_SECOND_ESCALATION")
    Optional<String> secondEscalation;

    @Override
    public void notify(DelegateExecution execution) {
        AcknowledgementDeadlines deadlines = qualifications.acknowledgementDeadlines(
                (Long) execution.getVariable(ProcessVariables.REPORT_ID), secondDelay());
        execution.setVariable(
                ProcessVariables.ACKNOWLEDGE_DUE_AT, deadlines.target().toString());
        execution.setVariable(
                ProcessVariables.ACKNOWLEDGE_DEPARTMENT_DUE_AT,
                deadlines.department().toString());
    }

    /** A wrong setting must not stop reports reaching units: it is reported and the default applies. */
    private Duration secondDelay() {
        try {
            return AcknowledgementDeadlines.parseSetting(secondEscalation.orElse(null));
        } catch (RuntimeException e) {
            LOG.warning(() -> "RELAIS_ACK_SECOND_ESCALATION ignored (" + e.getMessage() + "): the same delay again");
            return null;
        }
    }
}
