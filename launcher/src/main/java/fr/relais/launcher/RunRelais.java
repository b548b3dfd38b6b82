package fr.relais.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The run command ({@code mvn -Prun verify}): an embedded MariaDB with demo data unless {@code
 * RELAIS_DB_URL} is set, then Relais on Payara Micro at http://localhost:8080/. Web's {@code run}
 * profile starts it with the WAR it has just built: {@code java -Drelais.war=... -jar
 * relais-launcher.jar}.
 */
public final class RunRelais {
    private RunRelais() {}

    public static void main(String[] args) throws Exception {
        String warPath = System.getProperty("relais.war");
        if (warPath == null) {
            System.err.println("usage: java -Drelais.war=<relais.war> -jar relais-launcher.jar");
            System.exit(2);
        }
        Path war = Path.of(warPath);
        Path home = Path.of(env(
                "RELAIS_HOME",
                Path.of(System.getProperty("user.home"), ".relais").toString()));
        int port = Integer.parseInt(env("RELAIS_PORT", "8080"));

        Database database = null;
        Database.Settings settings;
        String url = System.getenv("RELAIS_DB_URL");
        if (url == null || url.isBlank()) {
            long started = System.nanoTime();
            database = Database.embedded(
                    home.resolve("mariadb"), Integer.parseInt(env("RELAIS_EMBEDDED_DB_PORT", "3307")));
            settings = database.provision("relais", true);
            System.out.printf(
                    Locale.ROOT,
                    "Embedded MariaDB ready in %.1f s (data in %s)%n",
                    (System.nanoTime() - started) / 1e9,
                    home.resolve("mariadb"));
        } else {
            settings = new Database.Settings(
                    url,
                    env("RELAIS_DB_USER", "relais"),
                    env("RELAIS_DB_PASSWORD", ""),
                    Boolean.parseBoolean(env("RELAIS_DEMO", "false")));
        }

        RelaisServer server = new RelaisServer(war, home.resolve("server"), port, settings.asProperties());
        if (!"false".equalsIgnoreCase(env("RELAIS_CDS", "true"))) {
            // the first start records the archive, written when it stops (Ctrl-C); the next ones map it
            server.classDataSharing(home.resolve("cds").resolve("relais.jsa"));
        }
        Database db = database;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (db != null) {
                db.stop();
            }
        }));
        long started = System.nanoTime();
        System.out.println("Starting Relais on Payara Micro (log: " + server.log() + ") ...");
        server.start(Duration.ofMinutes(5));
        System.out.printf(
                Locale.ROOT,
                "%nRelais is ready in %.1f s: %s/%n",
                (System.nanoTime() - started) / 1e9,
                server.baseUrl());
        if (settings.demo()) {
            System.out.println(
                    "Demo accounts (password = name): operateur, operateur2, operatrice-vss, psychologue, superviseur,");
            System.out.println("  agent-guyancourt, agent-versailles, auditeur, admin");
        }
        System.out.println(
                "API: " + server.baseUrl() + "/api/v1 (bearer token from POST /api/v1/tokens, or HTTP Basic), OpenAPI: "
                        + server.baseUrl() + "/openapi. Ctrl-C stops.");
        server.waitFor();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
