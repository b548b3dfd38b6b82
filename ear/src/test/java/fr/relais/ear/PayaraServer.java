package fr.relais.ear;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Server domain driven with asadmin: domain1, created afresh under the build directory
 * with every port at {@code portbase + n} (admin {@code portbase + 48}, http {@code portbase +
 * 80}), so it collides neither with a left-over run nor with Payara Micro on 8080.
 */
final class PayaraServer {
    static final String DOMAIN = "domain1";

    private final Path home;
    private final Path domainsDir;
    private final int portbase;
    private final Path log;
    private boolean started;

    PayaraServer(Path home, Path workDir, int portbase) {
        this.home = home;
        this.domainsDir = workDir.resolve("domains");
        this.portbase = portbase;
        this.log = workDir.resolve("asadmin.log");
    }

    int adminPort() {
        return portbase + 48;
    }

    int httpPort() {
        return portbase + 80;
    }

    Path serverLog() {
        return domainsDir.resolve(DOMAIN).resolve("logs").resolve("server.log");
    }

    /** Stops what a killed earlier run may have left running, then creates a new domain1. */
    void createDomain() throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        if (Files.isDirectory(domainsDir.resolve(DOMAIN))) {
            asadmin(60, false, "stop-domain", "--kill=true", "--domaindir", domainsDir.toString(), DOMAIN);
            deleteRecursively(domainsDir);
        }
        asadmin(
                180,
                true,
                "create-domain",
                "--domaindir",
                domainsDir.toString(),
                "--portbase",
                String.valueOf(portbase),
                "--nopassword=true",
                DOMAIN);
    }

    void start() throws IOException, InterruptedException {
        started = true;
        asadmin(240, true, "start-domain", "--domaindir", domainsDir.toString(), DOMAIN);
    }

    void restart() throws IOException, InterruptedException {
        remote(240, true, "restart-domain", "--domaindir", domainsDir.toString(), DOMAIN);
    }

    /** Adds a jar to the common class loader (domain lib/); the server needs a restart to see it. */
    void addLibrary(Path jar) throws IOException, InterruptedException {
        remote(120, true, "add-library", "--type", "common", jar.toString());
    }

    /** JVM system properties, read by MicroProfile Config; the server needs a restart. */
    void addSystemProperties(Map<String, String> properties) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>();
        properties.forEach((k, v) -> options.add(escape("-D" + k + "=" + v)));
        remote(120, true, "create-jvm-options", String.join(":", options));
    }

    void deploy(Path archive, String name) throws IOException, InterruptedException {
        remote(600, true, "deploy", "--name", name, archive.toString());
    }

    void undeploy(String name) throws IOException, InterruptedException {
        remote(180, false, "undeploy", name);
    }

    /** Stops the domain; kills it if it does not stop. Safe to call more than once. */
    void stop() throws IOException, InterruptedException {
        if (!started) {
            return;
        }
        started = false;
        if (!asadmin(120, false, "stop-domain", "--domaindir", domainsDir.toString(), DOMAIN)) {
            asadmin(60, false, "stop-domain", "--kill=true", "--domaindir", domainsDir.toString(), DOMAIN);
        }
    }

    /** The last lines of the server log, for a failure message. */
    String serverLogTail(int lines) {
        try {
            List<String> all = Files.readAllLines(serverLog(), StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no server log: " + e + ")";
        }
    }

    /** asadmin separates options with ':'; a ':' inside a value is escaped. */
    private static String escape(String option) {
        return option.replace("\\", "\\\\").replace(":", "\\:");
    }

    private boolean remote(long timeoutSeconds, boolean required, String... command)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--port", String.valueOf(adminPort())));
        args.addAll(List.of(command));
        return asadmin(timeoutSeconds, required, args.toArray(String[]::new));
    }

    /** Runs asadmin (non-interactive) with the test's own Java; output goes to asadmin.log. */
    private boolean asadmin(long timeoutSeconds, boolean required, String... command)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+IgnoreUnrecognizedVMOptions",
                "-jar",
                home.resolve("glassfish/lib/client/appserver-cli.jar").toString(),
                "--interactive=false"));
        cmd.addAll(List.of(command));
        Files.writeString(
                log,
                "$ asadmin " + String.join(" ", command) + "\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("AS_ADMIN_"));
        pb.environment().put("AS_JAVA", System.getProperty("java.home"));
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            if (required) {
                throw new IOException(
                        "asadmin " + command[0] + " timed out after " + timeoutSeconds + " s; see " + log);
            }
            return false;
        }
        if (p.exitValue() != 0 && required) {
            throw new IOException("asadmin " + String.join(" ", command) + " failed (exit " + p.exitValue() + "):\n"
                    + tail(Files.readString(log, StandardCharsets.UTF_8), 30));
        }
        return p.exitValue() == 0;
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
