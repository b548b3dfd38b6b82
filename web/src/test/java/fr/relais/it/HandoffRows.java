package fr.relais.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Handoff rows written straight to a database, as the application writes them, for the figures' tests. */
public final class HandoffRows {
    private HandoffRows() {}

    /**
     * A closed VSS report forwarded to {@code unit} at {@code forwarded}, its handoff acknowledged at {@code
     * acknowledged} (or not) and decided ({@code decision}, or not), with the report's platform and acknowledgement
     * target {@code due} copied on it (V52). Returns the report's id.
     */
    public static long handoff(
            Connection c, String unit, Instant forwarded, Instant acknowledged, String decision, Instant due)
            throws Exception {
        long report;
        try (PreparedStatement insert = c.prepareStatement(
                "insert into report (platform, status, created_at, acknowledge_due_at) values ('VSS', 'CLOSED', ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setTimestamp(1, utc(forwarded.minusSeconds(600)));
            insert.setTimestamp(2, utc(due));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                report = keys.getLong(1);
            }
        }
        try (PreparedStatement insert = c.prepareStatement("insert into handoff (report_id, unit_code, forwarded_at,"
                + " acknowledged_at, decision, platform, acknowledge_due_at) values (?, ?, ?, ?, ?, 'VSS', ?)")) {
            insert.setLong(1, report);
            insert.setString(2, unit);
            insert.setTimestamp(3, utc(forwarded));
            insert.setTimestamp(4, acknowledged == null ? null : utc(acknowledged));
            insert.setString(5, decision);
            insert.setTimestamp(6, utc(due));
            insert.executeUpdate();
        }
        return report;
    }

    public static Timestamp utc(Instant instant) {
        return instant == null ? null : Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
