package fr.relais.qualification.boundary;

import fr.relais.workflow.ProcessVariables;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code Task_Anonymise}: prepares what will leave the platform. */
@Named("anonymiseReport")
@Dependent
public class AnonymiseReport implements JavaDelegate {
    @EJB
    Qualifications qualifications;

    @Override
    public void execute(DelegateExecution execution) {
        qualifications.prepareOutgoingNarrative((Long) execution.getVariable(ProcessVariables.REPORT_ID));
    }
}
