package fr.relais.launcher;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Relais on Payara Micro, started by {@link MicroRecipe} with the application's settings as system
 * properties. Used by the run command and by the system tests, which also restart it.
 */
public final class RelaisServer {
    private final Path workDir;
    private final int port;
    private final Map<String, String> settings;
    private final MicroRecipe recipe;
    private Process process;

    /**
     * @param settings what MicroProfile Config reads, e.g. {@link Database.Settings#asProperties()}
     */
    public RelaisServer(Path war, Path workDir, int port, Map<String, String> settings) {
        this.workDir = workDir;
        this.port = port;
        this.settings = Map.copyOf(settings);
        this.recipe = MicroRecipe.fromBuild(workDir)
                .war(war)
                .port(port)
                .systemProperties(workDir.resolve("relais.properties"));
    }

    /**
     * Joins the data grid {@code name} of the listed members with tcpip discovery, on this machine:
     * members {@code 127.0.0.1:<port>,...}, this instance's grid on {@code gridPort} of the loopback
     * interface (multicast on loopback quietly makes two clusters of one). Without it the server
     * stays alone ({@code --nocluster}).
     */
    public RelaisServer cluster(String name, String members, int gridPort) {
        recipe.cluster(name, members).gridPort(gridPort).gridInterfaces("127.0.0.1");
        return this;
    }

    /**
     * The route Payara appends to this instance's session ids ({@code -DjvmRoute}), which a load
     * balancer's stickiness reads (see {@code docker/nginx.conf}).
     */
    public RelaisServer jvmRoute(String route) {
        recipe.jvmRoute(route);
        return this;
    }

    /**
     * Class Data Sharing with the archive at {@code archive} (see {@link
     * MicroRecipe#classDataSharing}): the first start records it, stopping the server keeps it, the
     * next starts map it.
     */
    public RelaisServer classDataSharing(Path archive) {
        recipe.classDataSharing(archive);
        return this;
    }

    /** More JVM options for the server (e.g. a heap or a flight recording), after the recipe's own. */
    public RelaisServer jvmOptions(List<String> options) {
        recipe.jvmOptions(options);
        return this;
    }

    /** The JVM options the server is (or will be) started with. */
    public List<String> jvmOptions() {
        return recipe.jvmOptions();
    }

    /** The process id of the running server's JVM (for its resident memory, a profiler). */
    public long pid() {
        if (process == null) {
            throw new IllegalStateException("not started");
        }
        return process.pid();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Starts Payara Micro and waits until the application says it is ready. */
    public void start(Duration timeout) throws IOException, InterruptedException {
        recipe.prepare();
        // a restart keeps the log of the run before it: a test that restarts the server must not erase
        // what happened before the restart
        if (Files.exists(log())) {
            Files.move(log(), workDir.resolve("server.previous.log"), StandardCopyOption.REPLACE_EXISTING);
        }
        Properties p = new Properties();
        p.putAll(settings);
        try (Writer w = Files.newBufferedWriter(workDir.resolve("relais.properties"))) {
            p.store(w, "Relais settings");
        }
        List<String> command = recipe.command(Path.of(System.getProperty("java.home"), "bin", "java"));
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

    /**
     * Kills the server's JVM at once, as {@code kill -9} does ({@link Process#destroyForcibly} sends
     * SIGKILL on Linux: no shutdown hook, no orderly undeployment, transactions cut where they are);
     * returns its exit status once it is gone (137 = 128 + SIGKILL). {@link #start} starts it again.
     */
    public int kill() throws InterruptedException {
        if (process == null) {
            throw new IllegalStateException("not started");
        }
        return process.destroyForcibly().waitFor();
    }

    public void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        if (process.isAlive()) {
            process.destroy();
            // a start that records a class data archive writes it at exit: some seconds more
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        // also when it stopped by itself (Ctrl-C reaches the server's JVM too: exit status 130)
        recipe.keepRecordedArchive(process.exitValue());
    }

    private void waitUntilReady(Duration timeout) throws InterruptedException, IOException {
        // HTTP/1.1: the client's default asks for an h2c upgrade, and Grizzly's HTTP/2 code in Payara 6
        // deadlocked two request threads on it (seen on a busy machine: the check then hung for good)
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
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
        threadDump();
        throw new IOException("Relais not ready after " + timeout + "; its threads are dumped at the end of " + log());
    }

    /** Appends the server's threads to its log (jcmd of this JDK), so a hung start can be read afterwards. */
    private void threadDump() {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            Process jcmd = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            Long.toString(process.pid()),
                            "Thread.print")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .start();
            jcmd.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // the dump is a help, never a reason to fail otherwise
        }
    }
}
