package fr.relais.forwarding.boundary;

import fr.relais.workflow.ProcessVariables;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code Task_EscalateToSupervisors} and {@code Task_EscalateToDepartment}: the unit missed the
 * acknowledgement target, or the second deadline; the model names which in the {@code step} field.
 */
@Named("escalateAcknowledgement")
@Dependent
public class EscalateAcknowledgement implements JavaDelegate {
    @EJB
    Escalations escalations;

    /** Injected by the engine from the task's field in the model: ACKNOWLEDGE or ACKNOWLEDGE_DEPARTMENT. */
    private Expression step;

    @Override
    public void execute(DelegateExecution execution) {
        escalations.acknowledgementMissed(
                (Long) execution.getVariable(ProcessVariables.REPORT_ID),
                (String) execution.getVariable(ProcessVariables.UNIT_CODE),
                Escalations.Step.valueOf((String) step.getValue(execution)));
    }
}
