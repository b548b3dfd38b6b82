package fr.relais.sla.boundary;

import fr.relais.intake.entity.Chat;
import fr.relais.sla.entity.Alert;
import fr.relais.sla.entity.SlaBreach;
import fr.relais.workflow.ProcessVariables;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.logging.Logger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code Task_WarnTakeChat} and {@code Task_EscalateTakeChat}: nobody took the chat in charge within
 * 60 s (warning) or 2 minutes (breach); the model names which in the {@code step} field, and the
 * supervisors see it.
 */
@Named("recordTakeChatDelay")
@Dependent
public class RecordTakeChatDelay implements JavaDelegate {
    private static final Logger LOG = Logger.getLogger(RecordTakeChatDelay.class.getName());

    /** Injected by the engine from the task's field in the model: TAKE_CHAT_WARNING or TAKE_CHAT. */
    private Expression step;

    /** The step of the 2-minute breach, which raises an alert (the 60-second warning does not). */
    static final String BREACH = "TAKE_CHAT";

    @PersistenceContext
    EntityManager em;

    @EJB
    Alerts alerts;

    @Override
    @Transactional
    public void execute(DelegateExecution execution) {
        Long chatId = (Long) execution.getVariable(ProcessVariables.CHAT_ID);
        String delay = (String) step.getValue(execution);
        em.persist(new SlaBreach(delay, chatId, Instant.now()));
        if (BREACH.equals(delay)) {
            Chat chat = em.find(Chat.class, chatId);
            alerts.raise(
                    Alert.Kind.TAKE_CHAT_BREACH,
                    chat.platform(),
                    null,
                    chatId,
                    null,
                    "Conversation non prise en charge en 2 minutes.");
        }
        LOG.warning(() -> "Chat " + chatId + " not taken in charge in time: " + delay);
    }
}
