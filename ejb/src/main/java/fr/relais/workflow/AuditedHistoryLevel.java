package fr.relais.workflow;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * The engine's history level: Camunda's FULL (same name and id, so a database written at FULL keeps
 * working and the auditors' timeline is unchanged: process instances, activities, user tasks, timers,
 * incidents, decisions with their inputs and outputs, variables) without the two logs nobody reads:
 *
 * <ul>
 *   <li>the job log ({@code ACT_HI_JOB_LOG}): a row at each creation, success, failure and deletion of
 *       every asynchronous continuation and timer, about 20 rows per report, each also reading the job's
 *       definition ({@code ACT_RU_JOBDEF}) to fill it in. A failed job becomes an incident at once (see
 *       {@link IncidentAtOnce}), which history keeps with its message;
 *   <li>the identity-link log ({@code ACT_HI_IDENTITYLINK}): a row each time a task gets its candidate
 *       group or an assignee, about 9 per report; who completed each task is in the task history.
 * </ul>
 *
 * Measured by the load harness (README, "Load"). {@link EngineHistory} reads none of them.
 */
public class AuditedHistoryLevel extends HistoryLevelFull {
    private static final Set<HistoryEventType> NOT_PRODUCED = Set.of(
            HistoryEventTypes.JOB_CREATE,
            HistoryEventTypes.JOB_FAIL,
            HistoryEventTypes.JOB_SUCCESS,
            HistoryEventTypes.JOB_DELETE,
            HistoryEventTypes.IDENTITY_LINK_ADD,
            HistoryEventTypes.IDENTITY_LINK_DELETE);

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return !NOT_PRODUCED.contains(eventType);
    }
}
