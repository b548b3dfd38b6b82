package fr.relais.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/** What the path tests share: reading a model, running asynchronous continuations, recording stages. */
final class Models {
    static final String CONVERSATION = "Conversation.bpmn";
    static final String REPORT_LIFECYCLE = "ReportLifecycle.bpmn";
    static final String DANGER_NOW = "DangerNow.bpmn";
    static final String DELIVERY = "Delivery.bpmn";
    static final List<String> ALL = List.of(CONVERSATION, REPORT_LIFECYCLE, DANGER_NOW, DELIVERY);

    private Models() {}

    static BpmnModelInstance read(String resource) {
        InputStream stream = Models.class.getClassLoader().getResourceAsStream(resource);
        assertThat(stream).as(resource + " on the classpath").isNotNull();
        return Bpmn.readModelFromStream(stream);
    }

    /**
     * Runs the job a process waits on until it succeeds or has no retries left, as the job executor
     * would; returns the last failure, or null when the job ran.
     */
    static Exception runJob(ManagementService management, String processInstanceId) {
        Exception failure = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            Job job = management
                    .createJobQuery()
                    .processInstanceId(processInstanceId)
                    .executable()
                    .singleResult();
            if (job == null) {
                return failure;
            }
            try {
                management.executeJob(job.getId());
                return null;
            } catch (Exception e) {
                failure = e;
                // a retry cycle schedules the next attempt later: make it due now
                management.setJobDuedate(job.getId(), null);
            }
        }
        return failure;
    }

    /** The reportStage listener as the models call it: records the stage each step announces. */
    static final class StageRecorder implements ExecutionListener {
        final List<String> stages = new ArrayList<>();
        private Expression stage;

        @Override
        public void notify(DelegateExecution execution) {
            stages.add((String) stage.getValue(execution));
        }
    }
}
