package fr.relais.sla.boundary;

import fr.relais.sla.entity.SlaBreach;
import fr.relais.workflow.ProcessVariables;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.logging.Logger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code Task_EscalateTakeChat}: nobody took the chat within 2 minutes; supervisors see the breach. */
@Named("escalateTakeChatBreach")
@Dependent
public class EscalateTakeChatBreach implements JavaDelegate {
    private static final Logger LOG = Logger.getLogger(EscalateTakeChatBreach.class.getName());

    @PersistenceContext
    EntityManager em;

    @Override
    @Transactional
    public void execute(DelegateExecution execution) {
        Long chatId = (Long) execution.getVariable(ProcessVariables.CHAT_ID);
        em.persist(new SlaBreach("TAKE_CHAT", chatId, Instant.now()));
        LOG.warning(() -> "Chat " + chatId + " not taken in charge within its service level");
    }
}
