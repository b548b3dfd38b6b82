package fr.relais.launcher;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Relais on Payara Micro, started as the run command starts it: the application WAR, the JDBC
 * driver given with --addlibs, settings as system properties. Used by the run command and by the
 * system tests, which also restart it.
 */
public final class RelaisServer {
    private final Path runtimeDir;
    private final Path war;
    private final Path workDir;
    private final int port;
    private final Database.Settings settings;
    private Process process;

    public RelaisServer(Path runtimeDir, Path war, Path workDir, int port, Database.Settings settings) {
        this.runtimeDir = runtimeDir;
        this.war = war;
        this.workDir = workDir;
        this.port = port;
        this.settings = settings;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Starts Payara Micro and waits until the application says it is ready. */
    public void start(Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Files.deleteIfExists(log());
        // Micro keeps exploded applications in its unpack folder: a stale one would be redeployed
        deleteRecursively(workDir.resolve("micro"));
        Path properties = workDir.resolve("relais.properties");
        Properties p = new Properties();
        p.setProperty("RELAIS_DB_URL", settings.url());
        p.setProperty("RELAIS_DB_USER", settings.user());
        p.setProperty("RELAIS_DB_PASSWORD", settings.password());
        p.setProperty("RELAIS_DEMO", String.valueOf(settings.demo()));
        try (Writer w = Files.newBufferedWriter(properties)) {
            p.store(w, "Relais settings");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Duser.timezone=UTC",
                "-Dfile.encoding=UTF-8",
                "-jar",
                runtimeDir.resolve("payara-micro.jar").toString(),
                "--nocluster",
                "--port",
                String.valueOf(port),
                "--addlibs",
                runtimeDir.resolve("mariadb-java-client.jar").toString(),
                "--systemproperties",
                properties.toString(),
                "--unpackdir",
                workDir.resolve("micro").toString(),
                "--contextroot",
                "/",
                "--deploy",
                war.toString()));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        workDir.resolve("server.log").toFile()))
                .start();
        waitUntilReady(timeout);
    }

    public Path log() {
        return workDir.resolve("server.log");
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public void waitFor() throws InterruptedException {
        process.waitFor();
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private void waitUntilReady(Duration timeout) throws InterruptedException, IOException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        // Micro logs "ready" even when the deployment failed: ask the application itself
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Payara Micro exited; see " + log());
            }
            if (Files.readString(log(), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains("Exception while loading the app")) {
                stop();
                throw new IOException("Relais failed to deploy; see " + log());
            }
            try {
                HttpResponse<String> response = client.send(ready, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"relais\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IOException("Relais not ready after " + timeout + "; see " + log());
    }
}
