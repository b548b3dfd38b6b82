package fr.relais.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The one recipe that starts Relais on Payara Micro: the JVM options and the Micro arguments used
 * by the run command, the system and browser tests (through {@link RelaisServer}), the Arquillian
 * container (its shared part) and the container image ({@link #main}, which writes a {@code java}
 * argument file for the image's entrypoint).
 *
 * <p>Settings of the application itself (database, demo mode) are not Micro arguments: they reach
 * MicroProfile Config as environment variables (image) or through a {@code --systemproperties}
 * file (run command, tests).
 */
public final class MicroRecipe {
    /** Measured: RSS 650-710 MB with it, about 820 MB with the default heap. */
    public static final String HEAP = "-Xmx512m";
    /** The JDK's implementation (java.xml), the one the provider search ends on when no jar brings one. */
    static final String DATATYPE_FACTORY = "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl";

    static final String BOOT_COMMANDS = "pre-boot-commands.asadmin";

    private final Path microJar;
    private final Path driverJar;
    private final Path workDir;
    private Path war;
    private int port = 8080;
    private String clusterName;
    private String clusterMembers;
    private int gridPort;
    private String gridInterfaces;
    private Path systemProperties;
    private List<String> extraJvmOptions = List.of();
    private String jvmRoute;
    private Path sharedArchive;
    private List<String> sharingOptions = List.of();

    /**
     * @param microJar Payara Micro
     * @param driverJar MariaDB's JDBC driver, given with {@code --addlibs} (Micro does not find it in
     *     {@code WEB-INF/lib} for a datasource of driver class)
     * @param workDir where the boot command file and Micro's unpacked application go
     */
    public MicroRecipe(Path microJar, Path driverJar, Path workDir) {
        this.microJar = microJar;
        this.driverJar = driverJar;
        this.workDir = workDir;
    }

    /** Micro and the driver where the launcher's build put them: {@code runtime/} beside its jar. */
    public static MicroRecipe fromBuild(Path workDir) {
        Path runtime = runtimeDir();
        return new MicroRecipe(
                runtime.resolve("payara-micro.jar"), runtime.resolve("mariadb-java-client.jar"), workDir);
    }

    /**
     * {@code target/runtime} of the launcher module: the launcher runs from {@code
     * target/relais-launcher.jar} or {@code target/classes}, both beside it. The system property
     * {@code relais.runtime.dir} overrides.
     */
    public static Path runtimeDir() {
        String configured = System.getProperty("relais.runtime.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try {
            Path code = Path.of(MicroRecipe.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path runtime = code.getParent().resolve("runtime");
            if (!Files.isRegularFile(runtime.resolve("payara-micro.jar"))) {
                throw new IllegalStateException("no Payara Micro in " + runtime
                        + ": build the launcher module (mvn package) or set -Drelais.runtime.dir");
            }
            return runtime;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The application to deploy at context root {@code /}; none for Arquillian, which deploys. */
    public MicroRecipe war(Path war) {
        this.war = war;
        return this;
    }

    public MicroRecipe port(int port) {
        this.port = port;
        return this;
    }

    /**
     * Joins the Hazelcast data grid named {@code name} whose members are listed, e.g. {@code
     * relais-1:6900,relais-2:6900} (tcpip discovery: multicast does not cross container networks).
     * Without it the instance stays alone ({@code --nocluster}): tests, the run command.
     */
    public MicroRecipe cluster(String name, String members) {
        this.clusterName = name;
        this.clusterMembers = members;
        return this;
    }

    /**
     * The port this instance's data grid listens on (Micro's {@code --startport}; taken, it tries
     * the next ones), so that the members' list can name it; 0: Micro's default.
     */
    public MicroRecipe gridPort(int port) {
        this.gridPort = port;
        return this;
    }

    /**
     * The network interfaces the data grid binds and announces itself on (Micro's {@code
     * --interfaces}, e.g. {@code 127.0.0.1} for instances of one machine); null: Hazelcast chooses.
     */
    public MicroRecipe gridInterfaces(String interfaces) {
        this.gridInterfaces = interfaces;
        return this;
    }

    /** A properties file Micro turns into system properties (read by MicroProfile Config). */
    public MicroRecipe systemProperties(Path file) {
        this.systemProperties = file;
        return this;
    }

    /** More JVM options, after the recipe's own so that they win (e.g. another -Xmx). */
    public MicroRecipe jvmOptions(List<String> options) {
        this.extraJvmOptions = List.copyOf(options);
        return this;
    }

    /** Suffix Payara appends to the session id ({@code JSESSIONID=<id>.<route>}) for a sticky balancer. */
    public MicroRecipe jvmRoute(String route) {
        this.jvmRoute = route;
        return this;
    }

    /**
     * Class Data Sharing (JDK 17 dynamic archive) for this instance's JVM, opt-in: the run command
     * turns it on, the tests and the container image do not. A start with no usable archive at
     * {@code archive} records one ({@code -XX:ArchiveClassesAtExit}, written at the JVM's exit to
     * {@link #recordingArchive}); {@link #keepRecordedArchive} moves it into place once that JVM has
     * stopped cleanly, and the next starts map it ({@code -XX:SharedArchiveFile}). Fail-safe: see
     * {@link #prepare}.
     */
    public MicroRecipe classDataSharing(Path archive) {
        this.sharedArchive = archive;
        return this;
    }

    /** Where a recording start writes its archive at exit, before {@link #keepRecordedArchive}. */
    public Path recordingArchive() {
        return sharedArchive.resolveSibling(sharedArchive.getFileName() + ".recording");
    }

    private Path archiveStamp() {
        return sharedArchive.resolveSibling(sharedArchive.getFileName() + ".stamp");
    }

    /**
     * What an archive depends on: this JDK and the Micro jar (the class path it was recorded with).
     * Another one makes the archive stale: it is recorded again rather than mapped.
     */
    private String stamp() throws IOException {
        return String.join(
                "\n",
                System.getProperty("java.home"),
                System.getProperty("java.vm.version"),
                microJar.toAbsolutePath().toString(),
                Long.toString(Files.size(microJar)),
                Files.getLastModifiedTime(microJar).toString());
    }

    /**
     * Whether this JDK starts with the archive mapped: a truncated archive crashes the JVM (seen on
     * JDK 17), so one is never used untried.
     */
    private static boolean startsWith(Path archive) {
        try {
            Process probe = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-XX:SharedArchiveFile=" + archive,
                            "-version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!probe.waitFor(30, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return false;
            }
            return probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * After the JVM of a recording start has exited: keeps its archive if it stopped cleanly (exit
     * status 0, 130 for SIGINT, 143 for SIGTERM) and the archive starts a JVM; otherwise drops it. Never throws.
     */
    public void keepRecordedArchive(int exitStatus) {
        if (sharedArchive == null) {
            return;
        }
        Path recorded = recordingArchive();
        try {
            if (!Files.isRegularFile(recorded)) {
                return;
            }
            if ((exitStatus == 0 || exitStatus == 130 || exitStatus == 143)
                    && Files.size(recorded) > 0
                    && startsWith(recorded)) {
                Files.move(
                        recorded, sharedArchive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Files.writeString(archiveStamp(), stamp());
            } else {
                Files.deleteIfExists(recorded);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(recorded);
            } catch (IOException ignored) {
                // the next prepare() deletes it
            }
        }
    }

    public Path bootCommandFile() {
        return workDir.resolve(BOOT_COMMANDS);
    }

    public Path unpackDir() {
        return workDir.resolve("micro");
    }

    public List<String> jvmOptions() {
        List<String> options = new ArrayList<>(List.of(
                HEAP,
                "-Duser.timezone=UTC",
                "-Dfile.encoding=UTF-8",
                // the JDK's own DatatypeFactory, named: without it every DatatypeFactory.newInstance()
                // (Camunda's, at each timer it creates) searches every jar of the application for a
                // provider (1 to 2 % of the server's CPU under load, JFR)
                "-Djavax.xml.datatype.DatatypeFactory=" + DATATYPE_FACTORY,
                // no call home from the data grid at each start (Micro's --disablephonehome covers
                // only Payara's own): nothing leaves a police network unasked
                "-Dhazelcast.phone.home.enabled=false"));
        options.addAll(sharingOptions);
        options.addAll(extraJvmOptions);
        if (jvmRoute != null && !jvmRoute.isBlank()) {
            options.add("-DjvmRoute=" + jvmRoute);
        }
        return options;
    }

    /** The Micro arguments every instance gets, Arquillian's included: cluster, driver, settings, boot commands. */
    public List<String> sharedArguments() {
        List<String> args = new ArrayList<>();
        if (clusterMembers == null || clusterMembers.isBlank()) {
            args.add("--nocluster");
        } else {
            args.addAll(List.of(
                    "--clustername",
                    clusterName == null || clusterName.isBlank() ? "relais" : clusterName,
                    "--clustermode",
                    "tcpip:" + clusterMembers));
            if (gridPort > 0) {
                args.addAll(List.of("--startport", String.valueOf(gridPort)));
            }
            if (gridInterfaces != null && !gridInterfaces.isBlank()) {
                args.addAll(List.of("--interfaces", gridInterfaces));
            }
        }
        args.addAll(List.of(
                "--disablephonehome",
                "--addlibs",
                driverJar.toString(),
                "--prebootcommandfile",
                bootCommandFile().toString()));
        if (systemProperties != null) {
            args.addAll(List.of("--systemproperties", systemProperties.toString()));
        }
        return args;
    }

    /** All the Micro arguments: the shared ones, then port and the application at {@code /}. */
    public List<String> arguments() {
        if (war == null) {
            throw new IllegalStateException("no application to deploy");
        }
        List<String> args = sharedArguments();
        args.addAll(List.of(
                "--port",
                String.valueOf(port),
                "--unpackdir",
                unpackDir().toString(),
                "--contextroot",
                "/",
                "--deploy",
                war.toString()));
        return args;
    }

    /** The whole command line, {@code java} first. */
    public List<String> command(Path java) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions());
        command.add("-jar");
        command.add(microJar.toString());
        command.addAll(arguments());
        return command;
    }

    /**
     * Writes the files the arguments name: the boot command file, and an empty unpack folder (Micro
     * would redeploy a stale exploded application from a reused one). With {@link
     * #classDataSharing}: maps the archive if it is there, of this JDK and Micro jar (its stamp), and
     * starts a JVM; otherwise deletes it and records a new one. Nothing about the archive ever stops
     * a start: on any error the JVM starts without sharing.
     */
    public void prepare() throws IOException {
        sharingOptions = List.of();
        if (sharedArchive != null) {
            try {
                Files.createDirectories(sharedArchive.toAbsolutePath().getParent());
                Files.deleteIfExists(recordingArchive());
                String stamp = stamp();
                Path stampFile = archiveStamp();
                if (Files.isRegularFile(sharedArchive)
                        && Files.isRegularFile(stampFile)
                        && Files.readString(stampFile).equals(stamp)
                        && startsWith(sharedArchive)) {
                    sharingOptions = List.of("-XX:SharedArchiveFile=" + sharedArchive);
                } else {
                    Files.deleteIfExists(sharedArchive);
                    Files.deleteIfExists(stampFile);
                    sharingOptions = List.of("-XX:ArchiveClassesAtExit=" + recordingArchive());
                }
            } catch (IOException | RuntimeException e) {
                sharingOptions = List.of();
            }
        }
        Files.createDirectories(workDir);
        try (InputStream commands = MicroRecipe.class.getResourceAsStream(BOOT_COMMANDS)) {
            if (commands == null) {
                throw new IOException(BOOT_COMMANDS + " missing from the launcher");
            }
            Files.copy(commands, bootCommandFile(), StandardCopyOption.REPLACE_EXISTING);
        }
        Path unpack = unpackDir();
        if (Files.exists(unpack)) {
            try (var paths = Files.walk(unpack)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * The recipe for a container, from its environment: {@code RELAIS_PORT} (8080), {@code
     * RELAIS_CLUSTER_NAME} and {@code RELAIS_CLUSTER_MEMBERS} (none: alone), {@code JVM_ARGS},
     * {@code JVM_ROUTE}.
     */
    public static MicroRecipe fromEnvironment(
            Map<String, String> env, Path microJar, Path driverJar, Path war, Path workDir) {
        return new MicroRecipe(microJar, driverJar, workDir)
                .war(war)
                .port(Integer.parseInt(Optional.ofNullable(env.get("RELAIS_PORT"))
                        .filter(s -> !s.isBlank())
                        .orElse("8080")))
                .cluster(env.get("RELAIS_CLUSTER_NAME"), env.get("RELAIS_CLUSTER_MEMBERS"))
                .jvmOptions(
                        Arrays.stream(env.getOrDefault("JVM_ARGS", "").trim().split("\\s+"))
                                .filter(s -> !s.isEmpty())
                                .toList())
                .jvmRoute(env.get("JVM_ROUTE"));
    }

    /**
     * Everything after {@code java} as a Java argument file ({@code java @file}): one argument per
     * line, double-quoted, backslashes and quotes escaped.
     */
    public String argumentFile() {
        List<String> args = new ArrayList<>(jvmOptions());
        args.add("-jar");
        args.add(microJar.toString());
        args.addAll(arguments());
        return args.stream()
                        .map(a -> '"' + a.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                        .collect(Collectors.joining("\n"))
                + "\n";
    }

    /**
     * For the container image's entrypoint: {@code MicroRecipe <micro jar> <driver jar> <war>
     * <work dir>} prepares the work folder and writes {@code <work dir>/java.args}, which the
     * entrypoint runs with {@code exec java @<work dir>/java.args}. Needs nothing but this class.
     */
    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: MicroRecipe <payara-micro.jar> <jdbc-driver.jar> <relais.war> <work dir>");
            System.exit(2);
        }
        Path workDir = Path.of(args[3]);
        MicroRecipe recipe =
                fromEnvironment(System.getenv(), Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), workDir);
        try {
            recipe.prepare();
            Files.writeString(workDir.resolve("java.args"), recipe.argumentFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
