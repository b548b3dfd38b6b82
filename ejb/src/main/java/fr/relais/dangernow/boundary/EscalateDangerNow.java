package fr.relais.dangernow.boundary;

import fr.relais.workflow.ProcessVariables;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code Task_EscalateDangerNow}: the unit's desk did not acknowledge in time; the supervisors are alerted. */
@Named("escalateDangerNow")
@Dependent
public class EscalateDangerNow implements JavaDelegate {
    @EJB
    DangerNow dangerNow;

    @Override
    public void execute(DelegateExecution execution) {
        dangerNow.escalate((Long) execution.getVariable(ProcessVariables.DANGER_REQUEST_ID));
    }
}
