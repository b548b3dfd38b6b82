package fr.relais.audit.boundary;

import java.time.Instant;

/**
 * A report's full history as exported (JSON or PDF): the report's reference, platform, category, unit and
 * status, its timeline, the verification of its chain at the time of export, when and by whom.
 */
public record HistoryExport(
        ReportRow report, ReportHistory history, Verification verification, Instant exportedAt, String exportedBy) {}
