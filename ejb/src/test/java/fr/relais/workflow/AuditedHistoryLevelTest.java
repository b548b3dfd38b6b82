package fr.relais.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine's history level: FULL for what the auditors read, no job log, no identity-link log. */
class AuditedHistoryLevelTest {
    private ProcessEngine engine;

    @BeforeEach
    void start() {
        ProcessEngineConfigurationImpl config = new StandaloneInMemProcessEngineConfiguration();
        config.setJdbcUrl("jdbc:h2:mem:audited-history;DB_CLOSE_DELAY=-1");
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        config.setProcessEngineName("audited-history");
        config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        config.setCustomHistoryLevels(List.of(new AuditedHistoryLevel()));
        config.setJobExecutorActivate(false);
        engine = config.buildProcessEngine();
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void isTheLevelTheEngineRunsAtUnderFullsNameAndId() {
        HistoryLevel level =
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel();
        assertThat(level).isInstanceOf(AuditedHistoryLevel.class);
        assertThat(level.getId()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL.getId());
        assertThat(level.getName()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL.getName());
    }

    @Test
    void keepsActivitiesTasksAndVariablesButNoJobLogNorIdentityLinks() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("p")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Task_Async")
                .camundaAsyncBefore()
                .camundaExpression("${true}")
                .userTask("Task_Review")
                .camundaCandidateGroups("OPERATOR")
                .endEvent()
                .done();
        engine.getRepositoryService()
                .createDeployment()
                .addModelInstance("p.bpmn", model)
                .deploy();
        String id = engine.getRuntimeService()
                .startProcessInstanceByKey("p", java.util.Map.of("reportId", 7L))
                .getId();
        Job job = engine.getManagementService().createJobQuery().singleResult();
        engine.getManagementService().executeJob(job.getId());
        var task = engine.getTaskService().createTaskQuery().singleResult();
        engine.getTaskService().claim(task.getId(), "operateur");
        engine.getTaskService().complete(task.getId());

        var history = engine.getHistoryService();
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(id)
                        .finished()
                        .count())
                .isEqualTo(1);
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(id)
                        .list())
                .extracting(a -> a.getActivityId())
                .contains("Task_Async", "Task_Review");
        assertThat(history.createHistoricTaskInstanceQuery()
                        .processInstanceId(id)
                        .singleResult()
                        .getAssignee())
                .isEqualTo("operateur");
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(id)
                        .count())
                .isEqualTo(1);
        assertThat(history.createHistoricJobLogQuery().count()).isZero();
        assertThat(history.createHistoricIdentityLinkLogQuery().count()).isZero();
    }
}
