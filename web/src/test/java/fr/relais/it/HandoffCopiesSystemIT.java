package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * The handoffs' figures read the handoff alone (V52): a report forwarded through the real lifecycle carries its
 * platform and its acknowledgement target on the handoff that brought it to the unit, equal to the report's.
 */
class HandoffCopiesSystemIT {
    static final RelaisServer server = TestEnvironment.server();
    static final Scenario scenario = new Scenario(server.baseUrl());

    @Test
    void aForwardedReportsHandoffCarriesItsPlatformAndAcknowledgementTarget() throws Exception {
        long report = scenario.forwardedReport();
        try (Connection c = SecurityIT.database();
                PreparedStatement query = c.prepareStatement("select h.platform, r.platform,"
                        + " h.acknowledge_due_at, r.acknowledge_due_at from handoff h join report r on r.id = h.report_id"
                        + " where h.report_id = ? order by h.id desc limit 1")) {
            query.setLong(1, report);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("handoff of report " + report).isTrue();
                assertThat(row.getString(1)).isNotNull().isEqualTo(row.getString(2));
                assertThat(row.getTimestamp(4)).as("the report's target").isNotNull();
                assertThat(row.getTimestamp(3)).isEqualTo(row.getTimestamp(4));
            }
        }
    }
}
