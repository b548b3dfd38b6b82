package fr.relais.workflow;

import fr.relais.shared.DomainException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.task.Task;

/**
 * The business components' only view of the engine: start a lifecycle, complete the step a
 * process waits in, ask what is open. Runs in the caller's transaction.
 */
@Stateless
public class Workflow {
    @EJB
    ProcessEngineBootstrap bootstrap;

    /** Starts a report lifecycle for a chat; returns the process instance id. */
    public String startLifecycle(long chatId, String platform) {
        return bootstrap
                .engine()
                .getRuntimeService()
                .startProcessInstanceByKey(
                        ProcessVariables.PROCESS_KEY,
                        String.valueOf(chatId),
                        Map.of(ProcessVariables.CHAT_ID, chatId, ProcessVariables.PLATFORM, platform))
                .getId();
    }

    /**
     * Completes the open step {@code taskKey} of a process as {@code username}.
     *
     * @throws DomainException CONFLICT when the process does not wait in that step (any more)
     */
    public void complete(String processInstanceId, String taskKey, String username, Map<String, Object> variables) {
        var tasks = bootstrap.engine().getTaskService();
        Task task = openTask(processInstanceId, taskKey);
        if (task == null) {
            throw DomainException.conflict("step_not_open", "Cette étape n'est pas (ou plus) ouverte.");
        }
        try {
            if (task.getAssignee() == null) {
                tasks.setAssignee(task.getId(), username);
            }
            tasks.complete(task.getId(), variables);
        } catch (OptimisticLockingException e) {
            throw DomainException.conflict("concurrent_update", "Quelqu'un d'autre vient de traiter cette étape.");
        }
    }

    /** The keys of the steps the process waits in now (empty when it ended). */
    public List<String> openSteps(String processInstanceId) {
        return bootstrap
                .engine()
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .list()
                .stream()
                .map(Task::getTaskDefinitionKey)
                .sorted()
                .toList();
    }

    private Task openTask(String processInstanceId, String taskKey) {
        return bootstrap
                .engine()
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey)
                .singleResult();
    }
}
