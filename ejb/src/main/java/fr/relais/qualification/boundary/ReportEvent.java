package fr.relais.qualification.boundary;

import fr.relais.shared.Platform;

/**
 * What qualification tells the screens after a change commits (CDI events, observed {@code during =
 * TransactionPhase.AFTER_SUCCESS}): ids only.
 */
public sealed interface ReportEvent {
    /** The platform's list of reports received by the form changed: one arrived, or an operator took one. */
    record FormReportsChanged(long reportId, Platform platform) implements ReportEvent {}

    /**
     * The report entered a stage of its lifecycle; observed synchronously, in the transaction of the
     * step, by the supervision's read model ({@code report_fact}).
     */
    record StageEntered(long reportId) implements ReportEvent {}
}
