package fr.relais.forwarding.boundary;

import fr.relais.workflow.ProcessVariables;
import fr.relais.workflow.ProcessVariables.Competence;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code Task_ResolveCompetence}: forwards the report and tells the process whether a unit has it, and which. */
@Named("resolveCompetence")
@Dependent
public class ResolveCompetence implements JavaDelegate {
    @EJB
    Forwarding forwarding;

    @Override
    public void execute(DelegateExecution execution) {
        long reportId = (Long) execution.getVariable(ProcessVariables.REPORT_ID);
        var unit = forwarding.forwardToCompetentUnit(reportId);
        execution.setVariable(
                ProcessVariables.COMPETENCE, (unit.isPresent() ? Competence.RESOLVED : Competence.UNRESOLVED).name());
        execution.setVariable(ProcessVariables.UNIT_CODE, unit.orElse(null));
    }
}
