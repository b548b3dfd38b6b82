package fr.relais.intake.boundary;

import fr.relais.intake.entity.Chat;
import fr.relais.workflow.ProcessVariables;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code Task_CheckCitizenSilence}: the silence timer fired; abandons the chat when the citizen is still
 * silent (outcome ABANDONED for the outcome gateway), else lets the conversation go on, which re-arms the
 * timer for the time left.
 */
@Named("checkCitizenSilence")
@Dependent
public class CheckCitizenSilence implements JavaDelegate {
    @Inject
    CitizenSilence silence;

    @Override
    public void execute(DelegateExecution execution) {
        Long chatId = (Long) execution.getVariable(ProcessVariables.CHAT_ID);
        boolean silent = silence.abandonIfSilent(chatId);
        execution.setVariable(ProcessVariables.CITIZEN_SILENT, silent);
        if (silent) {
            execution.setVariable(ProcessVariables.CONVERSATION_OUTCOME, Chat.Outcome.ABANDONED.name());
        }
    }
}
