package fr.relais.audit.boundary;

import java.io.Serializable;
import java.time.Instant;

/** A report as the auditors' search lists it: no narrative, no identity. */
public record ReportRow(
        long id,
        String reference,
        Instant createdAt,
        String platform,
        String category,
        String status,
        String operator,
        String unitCode)
        implements Serializable {}
