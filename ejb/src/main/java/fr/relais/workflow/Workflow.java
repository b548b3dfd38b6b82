package fr.relais.workflow;

import fr.relais.shared.DomainException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;

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

    /** Starts the delivery of a handoff to a unit's own system; returns its instance id. */
    public String startDelivery(long deliveryId, long reportId, String unitCode) {
        return engine().getRuntimeService()
                .startProcessInstanceByKey(
                        ProcessVariables.DELIVERY,
                        String.valueOf(deliveryId),
                        Map.of(
                                ProcessVariables.DELIVERY_ID,
                                deliveryId,
                                ProcessVariables.REPORT_ID,
                                reportId,
                                ProcessVariables.UNIT_CODE,
                                unitCode))
                .getId();
    }

    /** A process stuck on a failed job (an incident): which, since when, and the failure's message. */
    public record Stuck(String processInstanceId, Instant since, String message) {}

    /** The processes of {@code processKey} stuck on a failed job, oldest incident first. */
    public List<Stuck> stuck(String processKey) {
        return engine()
                .getRuntimeService()
                .createIncidentQuery()
                .processDefinitionKeyIn(processKey)
                .incidentType(Incident.FAILED_JOB_HANDLER_TYPE)
                .orderByIncidentTimestamp()
                .asc()
                .list()
                .stream()
                .map(i -> new Stuck(
                        i.getProcessInstanceId(), i.getIncidentTimestamp().toInstant(), i.getIncidentMessage()))
                .toList();
    }

    /**
     * An incident of the engine, of any kind and any process: where it happened, since when, the
     * failure's message, and the report or chat the process is about (its variables), if any.
     */
    public record EngineIncident(
            String id,
            String type,
            String processKey,
            String processInstanceId,
            String activityId,
            Instant since,
            String message,
            Long reportId,
            Long chatId) {}

    /** Every open incident of the engine, oldest first. */
    public List<EngineIncident> incidents() {
        return engine().getRuntimeService().createIncidentQuery().orderByIncidentTimestamp().asc().list().stream()
                .map(this::incident)
                .toList();
    }

    /** One open incident, or empty when it is gone (resolved by a retry, or never was). */
    public java.util.Optional<EngineIncident> incident(String incidentId) {
        return java.util.Optional.ofNullable(
                        incidentId == null
                                ? null
                                : engine().getRuntimeService()
                                        .createIncidentQuery()
                                        .incidentId(incidentId)
                                        .singleResult())
                .map(this::incident);
    }

    private EngineIncident incident(Incident i) {
        var runtime = engine().getRuntimeService();
        String definition = i.getProcessDefinitionId();
        Map<String, Object> about = i.getProcessInstanceId() == null
                ? Map.of()
                : runtime.getVariables(
                        i.getProcessInstanceId(), List.of(ProcessVariables.REPORT_ID, ProcessVariables.CHAT_ID));
        Object report = about.get(ProcessVariables.REPORT_ID);
        Object chat = about.get(ProcessVariables.CHAT_ID);
        return new EngineIncident(
                i.getId(),
                i.getIncidentType(),
                definition == null ? null : definition.split(":", 2)[0],
                i.getProcessInstanceId(),
                i.getActivityId(),
                i.getIncidentTimestamp().toInstant(),
                i.getIncidentMessage(),
                report instanceof Number n ? n.longValue() : null,
                chat instanceof Number n ? n.longValue() : null);
    }

    /**
     * Runs again, now, the failed job an incident is about (one more try; failing again makes a new
     * incident). Only failed jobs can be retried from here.
     *
     * @throws DomainException NOT_FOUND when the incident is gone, CONFLICT when it is not a failed job
     */
    public void retryIncident(String incidentId) {
        Incident incident = incidentId == null
                ? null
                : engine().getRuntimeService()
                        .createIncidentQuery()
                        .incidentId(incidentId)
                        .singleResult();
        if (incident == null) {
            throw DomainException.notFound("incident_not_found", "Incident introuvable ou déjà résolu.");
        }
        if (!Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType())) {
            throw DomainException.conflict("not_retriable", "Seul l'échec d'une tâche de fond se relance d'ici.");
        }
        var management = engine().getManagementService();
        try {
            management.setJobRetries(incident.getConfiguration(), 1);
            management.setJobDuedate(incident.getConfiguration(), ClockUtil.getCurrentTime());
        } catch (OptimisticLockingException e) {
            throw DomainException.concurrentUpdate();
        }
    }

    /**
     * Runs again, now, the failed job a process is stuck on (one more try; failing again makes a new
     * incident).
     *
     * @throws DomainException CONFLICT when the process is not stuck on a failed job
     */
    public void retryFailedJob(String processInstanceId) {
        var management = engine().getManagementService();
        Job job = processInstanceId == null
                ? null
                : management
                        .createJobQuery()
                        .processInstanceId(processInstanceId)
                        .noRetriesLeft()
                        .singleResult();
        if (job == null) {
            throw DomainException.conflict("not_failed", "Rien à relancer : aucun échec en attente.");
        }
        try {
            management.setJobRetries(job.getId(), 1);
            management.setJobDuedate(job.getId(), ClockUtil.getCurrentTime());
        } catch (OptimisticLockingException e) {
            throw DomainException.concurrentUpdate();
        }
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
        Completion outcome;
        try {
            // one engine command (its entity cache shared by the calls below): the task, its execution and
            // its definition are read once, not by each of the four calls
            outcome = commands().execute(context -> {
                Task task = tasks.createTaskQuery()
                        .processInstanceId(processInstanceId)
                        .taskDefinitionKey(taskKey)
                        .singleResult();
                if (task == null) {
                    return Completion.NOT_OPEN;
                }
                List<String> candidateGroups = tasks.getIdentityLinksForTask(task.getId()).stream()
                        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                        .map(IdentityLink::getGroupId)
                        .toList();
                if (!StepAccess.allows(task.getAssignee(), candidateGroups, actor)) {
                    return Completion.NOT_ALLOWED;
                }
                if (task.getAssignee() == null) {
                    tasks.setAssignee(task.getId(), actor.username());
                }
                tasks.complete(task.getId(), variables);
                return Completion.DONE;
            });
        } catch (OptimisticLockingException e) {
            throw DomainException.concurrentUpdate();
        }
        switch (outcome) {
            case NOT_OPEN -> throw DomainException.conflict(
                    "step_not_open", "Cette étape n'est pas (ou plus) ouverte.");
            case NOT_ALLOWED -> throw DomainException.forbidden("Cette étape revient à quelqu'un d'autre.");
            case DONE -> {}
        }
    }

    /** How {@link #complete} went; refusals are thrown after the command, which then changed nothing. */
    private enum Completion {
        DONE,
        NOT_OPEN,
        NOT_ALLOWED
    }

    private CommandExecutor commands() {
        return ((ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
    }

    /** What a decision table decided, and which version of it decided ({@code Priority:3}). */
    public record Decided(Map<String, Object> outputs, String version) {}

    /**
     * Evaluates the decision table {@code decisionKey} of the deployment that holds the process
     * definition {@code processDefinitionId} (binding "deployment": a report keeps the tables its process
     * was deployed with). Exactly one rule must apply.
     *
     * @throws IllegalStateException when the deployment has no such table or no rule applies: a defect of
     *     the tables, which the engine turns into a failed job and an incident
     */
    public Decided decide(String processDefinitionId, String decisionKey, Map<String, Object> inputs) {
        TableOfProcess table = TABLES.computeIfAbsent(
                processDefinitionId + '/' + decisionKey, k -> table(processDefinitionId, decisionKey));
        DmnDecisionResult result = engine().getDecisionService()
                .evaluateDecisionById(table.id())
                .variables(inputs)
                .evaluate();
        if (result.size() != 1) {
            throw new IllegalStateException(
                    decisionKey + " v" + table.version() + ": " + result.size() + " rules for " + inputs);
        }
        return new Decided(result.getSingleResult().getEntryMap(), decisionKey + ":" + table.version());
    }

    /**
     * Decision tables by process definition and key: a deployment never changes, so each pair is looked
     * up once (two engine commands and a query, at each of a report's four decisions before).
     */
    private static final Map<String, TableOfProcess> TABLES = new ConcurrentHashMap<>();

    private record TableOfProcess(String id, int version) {}

    private TableOfProcess table(String processDefinitionId, String decisionKey) {
        var repository = engine().getRepositoryService();
        String deploymentId =
                repository.getProcessDefinition(processDefinitionId).getDeploymentId();
        DecisionDefinition table = repository
                .createDecisionDefinitionQuery()
                .deploymentId(deploymentId)
                .decisionDefinitionKey(decisionKey)
                .singleResult();
        if (table == null) {
            throw new IllegalStateException("deployment " + deploymentId + " has no decision table " + decisionKey);
        }
        return new TableOfProcess(table.getId(), table.getVersion());
    }

    /** A decision table's newest version. */
    public record DeployedTable(String key, int version, String deploymentId) {}

    /**
     * Deploys a new version of one of the decision tables without rebuilding: a deployment holding the
     * given table and every other model of the newest report process's deployment, so reports started
     * from now on use it (binding "deployment") while running reports keep theirs.
     *
     * @throws DomainException INVALID when the file is not a DMN table Relais knows or the engine refuses it
     */
    public DeployedTable deployDecisionTable(byte[] dmn) {
        String key;
        try {
            DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(dmn));
            Dmn.validateModel(model);
            var decisions = model.getModelElementsByType(Decision.class);
            key = decisions.size() == 1 ? decisions.iterator().next().getId() : null;
        } catch (RuntimeException e) {
            throw DomainException.invalid("invalid_decision_table", "Fichier DMN illisible.");
        }
        if (key == null || !ProcessVariables.DECISIONS.contains(key)) {
            throw DomainException.invalid(
                    "invalid_decision_table",
                    "Le fichier doit contenir une seule table parmi " + ProcessVariables.DECISIONS + ".");
        }
        var repository = engine().getRepositoryService();
        String base = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(ProcessVariables.REPORT_LIFECYCLE)
                .latestVersion()
                .singleResult()
                .getDeploymentId();
        String resource = key + ".dmn";
        List<String> others = repository.getDeploymentResourceNames(base).stream()
                .filter(name -> !name.equals(resource))
                .toList();
        try {
            var deployed = repository
                    .createDeployment()
                    .name(DECISIONS_DEPLOYMENT)
                    .source(DECISIONS_DEPLOYMENT)
                    .addDeploymentResourcesByName(base, others)
                    .addInputStream(resource, new ByteArrayInputStream(dmn))
                    .deployWithResult();
            DecisionDefinition table = repository
                    .createDecisionDefinitionQuery()
                    .deploymentId(deployed.getId())
                    .decisionDefinitionKey(key)
                    .singleResult();
            return new DeployedTable(key, table.getVersion(), deployed.getId());
        } catch (ProcessEngineException e) {
            throw DomainException.invalid("invalid_decision_table", "Le moteur refuse cette table : " + e.getMessage());
        }
    }

    /** The name of deployments made by {@link #deployDecisionTable}, apart from the application's own. */
    public static final String DECISIONS_DEPLOYMENT = "relais-decisions";

    /**
     * Ends a conversation nobody has taken in charge yet with {@code outcome} (e.g. {@code SPAM}),
     * through the model's outcome gateway.
     *
     * @throws DomainException CONFLICT when the conversation no longer waits to be taken in charge
     */
    public void closeWaitingConversation(String processInstanceId, String outcome) {
        try {
            engine().getRuntimeService()
                    .createMessageCorrelation(ProcessVariables.MESSAGE_CLOSED_AS_SPAM)
                    .processInstanceId(processInstanceId)
                    .setVariable(ProcessVariables.CONVERSATION_OUTCOME, outcome)
                    .correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw DomainException.conflict("chat_not_waiting", "Cette conversation n'est plus en attente.");
        } catch (OptimisticLockingException e) {
            throw DomainException.concurrentUpdate();
        }
    }

    /**
     * Transfers the conversation {@code actor} holds ({@code Task_HoldConversation} assigned to them): to
     * a named person ({@code person} not null), else to the queue of {@code platform}. Both are paths of
     * the model (interrupting message events), in the caller's transaction.
     *
     * @throws DomainException CONFLICT when the conversation is not held (any more), FORBIDDEN when held
     *     by someone else
     */
    public void transferConversation(String processInstanceId, Actor actor, String person, String platform) {
        Task task = engine().getTaskService()
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(ProcessVariables.TASK_HOLD_CONVERSATION)
                .singleResult();
        if (task == null) {
            throw DomainException.conflict("step_not_open", "Cette étape n'est pas (ou plus) ouverte.");
        }
        if (!StepAccess.allows(task.getAssignee(), List.of(), actor)) {
            throw DomainException.forbidden("Cette étape revient à quelqu'un d'autre.");
        }
        var correlation = engine().getRuntimeService()
                .createMessageCorrelation(
                        person != null
                                ? ProcessVariables.MESSAGE_TRANSFER_TO_PERSON
                                : ProcessVariables.MESSAGE_TRANSFER_TO_QUEUE)
                .processInstanceId(processInstanceId);
        if (person != null) {
            correlation.setVariable(ProcessVariables.OPERATOR, person);
        } else {
            correlation.setVariable(ProcessVariables.PLATFORM, platform);
        }
        try {
            correlation.correlateWithResult();
        } catch (OptimisticLockingException e) {
            throw DomainException.concurrentUpdate();
        }
    }

    /** The keys of the steps the process waits in now (empty when it ended). */
    public List<String> openSteps(String processInstanceId) {
        return engine().getTaskService().createTaskQuery().processInstanceId(processInstanceId).list().stream()
                .map(Task::getTaskDefinitionKey)
                .sorted()
                .toList();
    }

    /** A sequence flow of a process model: its id and the ids of the elements it joins. */
    public record Flow(String id, String source, String target) {}

    /** The BPMN XML of one deployed process definition (the exact version), or empty if unknown. */
    public java.util.Optional<String> bpmnXml(String processDefinitionId) {
        try (java.io.InputStream in = engine().getRepositoryService().getProcessModel(processDefinitionId)) {
            return java.util.Optional.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (ProcessEngineException e) {
            return java.util.Optional.empty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The sequence flows of one deployed process definition. */
    public List<Flow> sequenceFlows(String processDefinitionId) {
        return engine()
                .getRepositoryService()
                .getBpmnModelInstance(processDefinitionId)
                .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.SequenceFlow.class)
                .stream()
                .map(f ->
                        new Flow(f.getId(), f.getSource().getId(), f.getTarget().getId()))
                .toList();
    }

    private ProcessEngine engine() {
        return bootstrap.engine();
    }
}
