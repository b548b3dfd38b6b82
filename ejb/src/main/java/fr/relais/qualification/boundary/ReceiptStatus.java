package fr.relais.qualification.boundary;

import fr.relais.qualification.entity.Report;

/**
 * Where a report is, as anyone holding its receipt reference may know it: three stages and nothing
 * else (no unit, no narrative, no date).
 */
public record ReceiptStatus(String reference, Stage stage) {

    public enum Stage {
        /** On the platform: being qualified, validated by a supervisor, anonymised or reviewed. */
        RECEIVED,
        /** Sent, or being sent again, to the competent unit. */
        FORWARDED,
        /** The competent unit took it over. */
        TAKEN_OVER
    }

    static ReceiptStatus of(Report report) {
        return new ReceiptStatus(report.reference(), stage(report.status()));
    }

    static Stage stage(Report.Status status) {
        return switch (status) {
            case QUALIFYING, AWAITING_VALIDATION, ANONYMISING, IN_REVIEW -> Stage.RECEIVED;
            case FORWARDING, FORWARDED, REROUTING, ACKNOWLEDGED -> Stage.FORWARDED;
            case TAKEN_OVER, CLOSED -> Stage.TAKEN_OVER;
        };
    }
}
