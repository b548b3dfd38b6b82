package fr.relais.workflow;

import fr.relais.shared.Races;
import java.util.Date;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * What the engine does with a job that failed: when it only lost a race (a person completed a step of
 * the same process at the same moment, or a deadlock; see {@link Races}), the job runs again in a
 * moment, its retries untouched; anything else follows the model's retry cycle and ends as an
 * incident, as before. A job that asked to {@link RunLater} runs again in 1 to 3 s, its retries untouched.
 *
 * <p>Found by a test taking reports over while a supervisor validated them after forwarding: the job
 * after the take-over lost a race (on the engine's executions, or on the report's version with
 * EclipseLink) and waited for its model retry ({@code R1/PT1M}), the report meanwhile "forwarded".
 */
final class RacesRunAgain implements FailedJobCommandFactory {
    private final FailedJobCommandFactory standard = new DefaultFailedJobCommandFactory();

    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
        boolean later = RunLater.in(exception);
        if (!later && !Races.lostARace(exception)) {
            return standard.getCommand(jobId, exception);
        }
        return commandContext -> {
            JobEntity job = commandContext.getJobManager().findJobById(jobId);
            if (job != null) {
                job.setLockOwner(null);
                job.setLockExpirationTime(null);
                job.setDuedate(new Date(ClockUtil.getCurrentTime().getTime()
                        + (later
                                ? ThreadLocalRandom.current().nextLong(1_000, 3_000)
                                : ThreadLocalRandom.current().nextLong(50, 500))));
            }
            return null;
        };
    }
}
