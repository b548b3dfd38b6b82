package fr.relais.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the database server says: its counters before and after the load (the application's own,
 * from {@code USER_STATISTICS}, when the application has an account of its own and the server keeps
 * them; the server's global status otherwise), the connections the application holds, and the
 * server's ceiling: small write transactions per second at a given connection count.
 */
final class DbProbe {
    /** Global status counters read around the measured window. */
    static final List<String> GLOBAL = List.of(
            "Com_commit",
            "Com_rollback",
            "Handler_commit",
            "Questions",
            "Innodb_rows_inserted",
            "Innodb_rows_updated",
            "Innodb_rows_deleted",
            "Innodb_os_log_fsyncs");

    /** The application's account's counters (MariaDB's user statistics). */
    static final List<String> USER = List.of(
            "COMMIT_TRANSACTIONS",
            "ROLLBACK_TRANSACTIONS",
            "SELECT_COMMANDS",
            "UPDATE_COMMANDS",
            "OTHER_COMMANDS",
            "ROWS_READ",
            "ROWS_INSERTED",
            "ROWS_UPDATED",
            "ROWS_DELETED");

    private final String url;
    private final String user;
    private final String password;
    private final String appDatabase;
    private final String appUser;
    private Boolean userStatBefore;

    DbProbe(String adminUrl, String user, String password, String appDatabase, String appUser) {
        this.url = adminUrl;
        this.user = user;
        this.password = password;
        this.appDatabase = appDatabase;
        this.appUser = appUser;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /**
     * Turns MariaDB's user statistics on for the run when the application has its own account (on a
     * server other builds share, the global counters count their transactions too); restored by
     * {@link #close()}.
     */
    boolean enableUserStatistics() {
        if (appUser == null || "root".equals(appUser) || appUser.equals(user)) {
            return false;
        }
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT @@GLOBAL.userstat")) {
                rs.next();
                userStatBefore = rs.getBoolean(1);
            }
            s.execute("SET GLOBAL userstat = 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    void close() {
        if (userStatBefore != null && !userStatBefore) {
            try (Connection c = connect();
                    Statement s = c.createStatement()) {
                s.execute("SET GLOBAL userstat = 0");
            } catch (SQLException e) {
                // left on: harmless
            }
        }
    }

    Map<String, Long> globalCounters() throws SQLException {
        Map<String, Long> values = new LinkedHashMap<>();
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS")) {
            while (rs.next()) {
                if (GLOBAL.contains(rs.getString(1))) {
                    values.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return values;
    }

    /** The application account's counters, empty when the server does not keep them. */
    Map<String, Long> userCounters() throws SQLException {
        Map<String, Long> values = new LinkedHashMap<>();
        if (userStatBefore == null) {
            return values;
        }
        try (Connection c = connect();
                PreparedStatement s =
                        c.prepareStatement("SELECT * FROM information_schema.USER_STATISTICS WHERE USER = ?")) {
            s.setString(1, appUser);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    for (String column : USER) {
                        values.put(column, rs.getLong(column));
                    }
                }
            }
        }
        return values;
    }

    /**
     * The database server's process id, from its pid file ({@code @@pid_file}); -1 when that file cannot
     * be read here (a server on another machine).
     */
    long serverPid() {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement("SELECT @@pid_file");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return Long.parseLong(java.nio.file.Files.readString(java.nio.file.Path.of(rs.getString(1)))
                    .trim());
        } catch (SQLException | java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Connections open on the application's database (what its pool holds). */
    int applicationConnections() throws SQLException {
        try (Connection c = connect();
                PreparedStatement s =
                        c.prepareStatement("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = ?")) {
            s.setString(1, appDatabase);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Rows in each table of the application's database, largest first (what the lifecycles wrote and left). */
    Map<String, Long> tableRows() throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        List<String> tables = new ArrayList<>();
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(
                        "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'")) {
            s.setString(1, appDatabase);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            try (Statement count = c.createStatement()) {
                for (String table : tables) {
                    try (ResultSet rs =
                            count.executeQuery("SELECT COUNT(*) FROM `" + appDatabase + "`.`" + table + "`")) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            rows.put(table, rs.getLong(1));
                        }
                    }
                }
            }
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        rows.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** Connections of other clients of the server, busy on another database (noise in the global counters). */
    int otherConnections() throws SQLException {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM information_schema.PROCESSLIST "
                        + "WHERE DB IS NOT NULL AND DB <> ? AND ID <> CONNECTION_ID() AND COMMAND <> 'Daemon'")) {
            s.setString(1, appDatabase);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * The server's commit rate for small write transactions: {@code connections} clients, each
     * inserting one row and committing, in a loop, for {@code duration}, on a scratch table in a
     * scratch database (dropped afterwards).
     */
    double commitsPerSecond(int connections, Duration duration) throws Exception {
        String scratch = "relais_bench_scratch_" + System.currentTimeMillis();
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + scratch);
            s.execute("CREATE TABLE " + scratch + ".t (id BIGINT AUTO_INCREMENT PRIMARY KEY, "
                    + "client INT NOT NULL, payload VARCHAR(100) NOT NULL, at TIMESTAMP(6) NOT NULL) ENGINE=InnoDB");
        }
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        AtomicBoolean stop = new AtomicBoolean();
        try {
            List<Future<Long>> clients = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < connections; i++) {
                int client = i;
                clients.add(pool.submit(() -> {
                    long commits = 0;
                    try (Connection c = connect()) {
                        c.setAutoCommit(false);
                        try (PreparedStatement insert = c.prepareStatement(
                                "INSERT INTO " + scratch + ".t (client, payload, at) VALUES (?, ?, NOW(6))")) {
                            while (!stop.get()) {
                                insert.setInt(1, client);
                                insert.setString(2, "ceiling " + commits);
                                insert.executeUpdate();
                                c.commit();
                                commits++;
                            }
                        }
                    }
                    return commits;
                }));
            }
            Thread.sleep(duration.toMillis());
            stop.set(true);
            long total = 0;
            for (Future<Long> f : clients) {
                total += f.get();
            }
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            stop.set(true);
            pool.shutdown();
            try (Connection c = connect();
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + scratch);
            }
        }
    }

    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new LinkedHashMap<>();
        after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0L)));
        return d;
    }
}
