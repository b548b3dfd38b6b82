package fr.relais.qualification.boundary;

import fr.relais.qualification.entity.Report;
import fr.relais.workflow.ProcessVariables;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;

/**
 * The model's {@code reportStage} listener: writes the stage its {@code stage} field names into the
 * report's status, in the transaction of the step. The model alone decides where a report stands.
 */
@Named("reportStage")
@Dependent
public class ReportStage implements ExecutionListener {
    @EJB
    Qualifications qualifications;

    /** Injected by the engine from the listener's field in the model. */
    private Expression stage;

    @Override
    public void notify(DelegateExecution execution) {
        qualifications.recordStage(
                (Long) execution.getVariable(ProcessVariables.REPORT_ID),
                Report.Status.valueOf((String) stage.getValue(execution)));
    }
}
