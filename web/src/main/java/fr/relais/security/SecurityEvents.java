package fr.relais.security;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Security events the audit trail does not hold (locks after repeated failures of an account or an address):
 * table {@code security_event} and the log. Administrators' actions on accounts and password changes are
 * events of the audit trail ({@code Accounts}), recorded once there.
 */
@ApplicationScoped
public class SecurityEvents {
    private static final Logger LOG = Logger.getLogger(SecurityEvents.class.getName());
    public static final String ACCOUNT_LOCKED = "account_locked";
    public static final String ADDRESS_LOCKED = "address_locked";

    @Resource(lookup = "java:app/jdbc/relais")
    DataSource dataSource;

    private final Clock clock = Clock.systemUTC();

    public void record(String kind, String username, String address, String detail) {
        LOG.warning(() -> "security event " + kind + " user=" + username + " address=" + address + " " + detail);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into security_event"
                        + " (occurred_at, kind, username, client_address, detail) values (?, ?, ?, ?, ?)")) {
            insert.setTimestamp(1, Timestamp.valueOf(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
            insert.setString(2, kind);
            insert.setString(3, cut(username, 60));
            insert.setString(4, cut(address, 64));
            insert.setString(5, cut(detail, 255));
            insert.executeUpdate();
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "cannot record a security event", e);
        }
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
