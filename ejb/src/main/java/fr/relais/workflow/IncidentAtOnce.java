package fr.relais.workflow;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * What the engine does with a failed job, around {@code next}: a {@link PermanentFailure} is recorded as
 * the engine records any failure (message, stack trace), then the job's retries drop to zero, which
 * raises its incident at once; any other failure is {@code next}'s.
 */
final class IncidentAtOnce implements FailedJobCommandFactory {
    private final FailedJobCommandFactory next;

    IncidentAtOnce(FailedJobCommandFactory next) {
        this.next = next;
    }

    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
        Command<Object> standard = next.getCommand(jobId, exception);
        if (!PermanentFailure.in(exception)) {
            return standard;
        }
        return commandContext -> {
            standard.execute(commandContext);
            JobEntity job = commandContext.getJobManager().findJobById(jobId);
            if (job != null) {
                job.setRetries(0);
            }
            return null;
        };
    }
}
