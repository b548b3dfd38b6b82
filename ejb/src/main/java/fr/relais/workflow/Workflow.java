package fr.relais.workflow;

import fr.relais.shared.DomainException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * The business components' only view of the engine: start a conversation or a report, tell a
 * conversation a report was made, complete the step a process waits in as someone the model allows,
 * ask what is open. Runs in the caller's transaction.
 */
@Stateless
public class Workflow {
    @EJB
    ProcessEngineBootstrap bootstrap;

    /** Who acts on a step: a user name and the candidate groups it belongs to ({@code platform:VSS}, ...). */
    public record Actor(String username, Set<String> groups) {}

    /** Starts the conversation of a chat; returns the process instance id. */
    public String startConversation(long chatId, String platform) {
        return engine().getRuntimeService()
                .startProcessInstanceByKey(
                        ProcessVariables.CONVERSATION,
                        String.valueOf(chatId),
                        Map.of(ProcessVariables.CHAT_ID, chatId, ProcessVariables.PLATFORM, platform))
                .getId();
    }

    /**
     * Starts a report's lifecycle; returns the process instance id. With a chat, the operator holding it
     * qualifies the report and the chat's conversation is told; without, any operator of the platform may.
     */
    public String startReport(long reportId, String platform, String operator, Long chatId, String conversationId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.REPORT_ID, reportId);
        variables.put(ProcessVariables.PLATFORM, platform);
        variables.put(ProcessVariables.OPERATOR, operator);
        variables.put(ProcessVariables.CHAT_ID, chatId);
        var runtime = engine().getRuntimeService();
        String id = runtime.createMessageCorrelation(
                        chatId == null
                                ? ProcessVariables.MESSAGE_REPORT_FROM_FORM
                                : ProcessVariables.MESSAGE_REPORT_FROM_CONVERSATION)
                .processInstanceBusinessKey(String.valueOf(reportId))
                .setVariables(variables)
                .correlateStartMessage()
                .getId();
        if (conversationId != null) {
            runtime.createMessageCorrelation(ProcessVariables.MESSAGE_REPORT_MADE)
                    .processInstanceId(conversationId)
                    .correlate();
        }
        return id;
    }

    /** Starts the process of a danger-now request to a unit's 24-hour desk; returns its instance id. */
    public String startDangerNow(long requestId, long chatId, String platform, String unitCode) {
        return engine().getRuntimeService()
                .startProcessInstanceByKey(
                        ProcessVariables.DANGER_NOW,
                        String.valueOf(requestId),
                        Map.of(
                                ProcessVariables.DANGER_REQUEST_ID,
                                requestId,
                                ProcessVariables.CHAT_ID,
                                chatId,
                                ProcessVariables.PLATFORM,
                                platform,
                                ProcessVariables.UNIT_CODE,
                                unitCode))
                .getId();
    }

    /**
     * Completes the open step {@code taskKey} of a process as {@code actor}: the step's assignee when it
     * has one, else a member of one of its candidate groups.
     *
     * @throws DomainException CONFLICT when the process does not wait in that step (any more), FORBIDDEN
     *     when the model does not let the actor complete it
     */
    public void complete(String processInstanceId, String taskKey, Actor actor, Map<String, Object> variables) {
        var tasks = engine().getTaskService();
        Task task = tasks.createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey)
                .singleResult();
        if (task == null) {
            throw DomainException.conflict("step_not_open", "Cette étape n'est pas (ou plus) ouverte.");
        }
        List<String> candidateGroups = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .toList();
        if (!StepAccess.allows(task.getAssignee(), candidateGroups, actor)) {
            throw DomainException.forbidden("Cette étape revient à quelqu'un d'autre.");
        }
        try {
            if (task.getAssignee() == null) {
                tasks.setAssignee(task.getId(), actor.username());
            }
            tasks.complete(task.getId(), variables);
        } catch (OptimisticLockingException e) {
            throw DomainException.conflict("concurrent_update", "Quelqu'un d'autre vient de traiter cette étape.");
        }
    }

    /** The keys of the steps the process waits in now (empty when it ended). */
    public List<String> openSteps(String processInstanceId) {
        return engine().getTaskService().createTaskQuery().processInstanceId(processInstanceId).list().stream()
                .map(Task::getTaskDefinitionKey)
                .sorted()
                .toList();
    }

    private ProcessEngine engine() {
        return bootstrap.engine();
    }
}
