package fr.relais.qualification.boundary;

import fr.relais.workflow.ProcessVariables;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code Task_ApplyDecisions}: the decision tables of this process's deployment decide the report's
 * priority, targets, unit kind and validation; the gateway after it reads {@code validation}.
 */
@Named("applyDecisions")
@Dependent
public class ApplyDecisions implements JavaDelegate {
    @EJB
    Qualifications qualifications;

    @Override
    public void execute(DelegateExecution execution) {
        var validation = qualifications.applyDecisions(
                (Long) execution.getVariable(ProcessVariables.REPORT_ID), execution.getProcessDefinitionId());
        execution.setVariable(ProcessVariables.VALIDATION, validation.name());
    }
}
