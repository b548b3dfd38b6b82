package fr.relais.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Smoke test of the EAR on a full Jakarta EE server: Payara Server's domain1 with the MariaDB
 * driver on its common class path and the settings as JVM system properties, as an operator would
 * install it. The EAR must deploy and the application must answer.
 */
class EarOnPayaraServerIT {
    private static final String APP = "relais";

    private final Path ear = Path.of(System.getProperty("relais.ear", "target/relais.ear"));
    private final Path payaraHome = Path.of(System.getProperty("payara.home", "target/payara6"));
    private final Path driver =
            Path.of(System.getProperty("mariadb.driver.jar", "target/runtime/mariadb-java-client.jar"));
    private final Path workDir = Path.of(System.getProperty("relais.ear.it.dir", "target/ear-it"));
    private final int portbase = Integer.getInteger("relais.ear.portbase", 14800);

    private PayaraServer server;
    private TestDatabase db;
    private boolean deployed;

    @Test
    void deploysOnPayaraServerAndAnswers() throws Exception {
        assertTrue(Files.isRegularFile(ear), "no EAR at " + ear);
        Files.createDirectories(workDir);
        server = new PayaraServer(payaraHome, workDir, portbase);
        // a killed test JVM (Ctrl-C, failsafe's timeout) still stops the domain and drops the database
        Thread hook = new Thread(this::cleanUp, "ear-it-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            db = TestDatabase.create(workDir);
            server.createDomain();
            server.start();
            server.addLibrary(driver);
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("RELAIS_DB_URL", db.url());
            settings.put("RELAIS_DB_USER", db.user());
            settings.put("RELAIS_DB_PASSWORD", db.password());
            settings.put("RELAIS_DEMO", "true");
            server.addSystemProperties(settings);
            server.restart();
            deployed = true;
            server.deploy(ear, APP);

            String base = "http://localhost:" + server.httpPort();
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            HttpResponse<String> ready = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/health/ready"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), () -> "readiness: " + ready.body() + "\n" + server.serverLogTail(80));
            assertTrue(ready.body().contains("\"relais\""), () -> "readiness: " + ready.body());

            String basic = Base64.getEncoder().encodeToString("operateur:operateur".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> me = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                            .header("Authorization", "Basic " + basic)
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, me.statusCode(), () -> "/api/v1/me: " + me.body() + "\n" + server.serverLogTail(80));
        } finally {
            cleanUp();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
    }

    /** Undeploys, stops the domain, drops the database; once, whoever calls first. */
    private synchronized void cleanUp() {
        try {
            if (deployed) {
                deployed = false;
                server.undeploy(APP);
            }
        } catch (Exception e) {
            System.err.println("undeploy: " + e);
        }
        try {
            server.stop();
        } catch (Exception e) {
            System.err.println("stop-domain: " + e);
        }
        try {
            if (db != null) {
                db.close();
                db = null;
            }
        } catch (Exception e) {
            System.err.println("drop database: " + e);
        }
    }
}
