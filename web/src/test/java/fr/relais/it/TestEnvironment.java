package fr.relais.it;

import fr.relais.health.EndpointFilter;
import fr.relais.launcher.Database;
import fr.relais.launcher.MicroRecipe;
import fr.relais.launcher.RelaisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * What the integration tests run on, set up once per test run before any test class: a fresh
 * database for the Arquillian container and one for the application as the run command starts it,
 * on the MariaDB given by {@code RELAIS_TEST_DB_URL} (CI) or an embedded one. Dropped at the end.
 * Active only in the failsafe run ({@code -Drelais.it=true}).
 */
public class TestEnvironment implements LauncherSessionListener {
    /**
     * Citizen rate limits of the shared server: the tests call from 127.0.0.1, believed as a proxy, so
     * a test of the per-address limits sends its own {@code X-Forwarded-For} address; every other
     * test shares 127.0.0.1, hence limits per address well above what they open.
     */
    static final int CHATS_PER_ADDRESS = 30;

    static final int REQUESTS_PER_ADDRESS = 1000;
    /** Reports with the public form per address and minute: the default, set here for the tests to read. */
    static final int REPORTS_PER_ADDRESS = 5;

    static final int REQUESTS_PER_TOKEN = 100;
    static final int MESSAGES_PER_CHAT = 20;
    static final int CHAT_CHARACTERS = 50_000;

    private static Database database;
    private static Database.Settings systemSettings;
    private static Database.Settings arquillianSettings;
    private static String runId;
    private static RelaisServer server;
    private static boolean external;
    private static final java.util.List<String> ownDatabases = new java.util.ArrayList<>();

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("relais.it") || database != null) {
            return;
        }
        try {
            runId = "relais_it_" + System.currentTimeMillis();
            String url = System.getenv("RELAIS_TEST_DB_URL");
            if (url != null && !url.isBlank()) {
                var uri = java.net.URI.create(url.substring("jdbc:".length()));
                database = Database.external(
                        uri.getHost(),
                        uri.getPort() < 0 ? 3306 : uri.getPort(),
                        env("RELAIS_TEST_DB_USER", "root"),
                        env("RELAIS_TEST_DB_PASSWORD", ""));
                external = true;
            } else {
                database = Database.embedded(buildDir().resolve("it-mariadb"), freePort());
            }
            Database.Settings arquillian = database.provision(runId + "_arq", true);
            arquillianSettings = arquillian;
            systemSettings = database.provision(runId + "_sys", true);
            writeProperties(buildDir().resolve("it-arquillian.properties"), arquillian);
            arquillianRecipe();
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare the test database", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (database == null) {
            return;
        }
        try {
            if (server != null) {
                server.stop();
            }
            if (external) {
                database.drop(runId + "_arq");
                database.drop(runId + "_sys");
                for (String name : ownDatabases) {
                    database.drop(name);
                }
            }
        } catch (Exception e) {
            System.err.println("cleanup failed: " + e);
        } finally {
            database.stop();
            database = null;
        }
    }

    /**
     * The Arquillian container's Micro gets the recipe's JVM options and shared arguments (not the
     * port nor the deployment, which Arquillian chooses): arquillian.xml reads these properties.
     */
    private static void arquillianRecipe() throws IOException {
        MicroRecipe recipe = MicroRecipe.fromBuild(buildDir().resolve("it-arquillian"))
                .systemProperties(buildDir().resolve("it-arquillian.properties"));
        recipe.prepare();
        System.setProperty(
                "relais.micro.jar",
                MicroRecipe.runtimeDir().resolve("payara-micro.jar").toString());
        System.setProperty("relais.micro.jvmOptions", String.join(" ", recipe.jvmOptions()));
        System.setProperty("relais.micro.options", String.join(" ", recipe.sharedArguments()));
    }

    /**
     * Relais as the run command starts it, started on first use and shared by the test classes.
     * Demo accounts, but Payara's endpoints closed as outside a demo ({@code RELAIS_OPEN_ENDPOINTS}
     * false), so that the tests see what an anonymous caller gets in production.
     */
    public static synchronized RelaisServer server() {
        if (server == null) {
            try {
                Map<String, String> settings = new LinkedHashMap<>(systemSettings.asProperties());
                settings.put(EndpointFilter.OPEN, "false");
                settings.put("RELAIS_TRUSTED_PROXIES", "127.0.0.1");
                settings.put("RELAIS_LIMIT_CHATS_PER_ADDRESS_PER_MINUTE", String.valueOf(CHATS_PER_ADDRESS));
                settings.put("RELAIS_LIMIT_REQUESTS_PER_ADDRESS_PER_MINUTE", String.valueOf(REQUESTS_PER_ADDRESS));
                settings.put("RELAIS_LIMIT_REQUESTS_PER_TOKEN_PER_MINUTE", String.valueOf(REQUESTS_PER_TOKEN));
                settings.put("RELAIS_LIMIT_REPORTS_PER_ADDRESS_PER_MINUTE", String.valueOf(REPORTS_PER_ADDRESS));
                settings.put("RELAIS_LIMIT_MESSAGES_PER_CHAT_PER_MINUTE", String.valueOf(MESSAGES_PER_CHAT));
                settings.put("RELAIS_LIMIT_CHAT_CHARACTERS", String.valueOf(CHAT_CHARACTERS));
                // only chats opened on this free topic (TransfersSystemIT's) are abandoned after 5 s of silence
                settings.put("RELAIS_CHAT_SILENCE_TIMEOUT_BY_TOPIC", TransfersSystemIT.SILENT_TOPIC + "=PT5S");
                // a slow unit's system is held longer than in production (5 s) so that DeliverySystemIT can
                // see a timer fire while a delivery waits, however busy the machine; only deliveries use it
                settings.put("RELAIS_DELIVERY_READ_TIMEOUT", DeliverySystemIT.READ_TIMEOUT);
                // two master keys, new wraps with the second (PrivacySystemIT); retention takes the test's clock
                settings.put("RELAIS_MASTER_KEYS", PrivacySystemIT.MASTER_KEYS);
                settings.put("RELAIS_MASTER_KEY_ID", PrivacySystemIT.MASTER_KEY_ID);
                settings.put("RELAIS_CLOCK_OVERRIDE_ALLOWED", "true");
                server = new RelaisServer(
                        Path.of(System.getProperty("relais.war")),
                        buildDir().resolve("it-server"),
                        freePort(),
                        settings);
                // the launcher session's end stops it; this hook covers a test JVM that exits without
                // closing the session (found: shared servers left running for hours after focused runs)
                RelaisServer started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.kill();
                    } catch (Exception e) {
                        // already gone, or never started
                    }
                }));
                server.start(Duration.ofMinutes(12)); // 4, then 8 min were not enough with eight builds sharing 2 cores
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return server;
    }

    /** The database of the Arquillian container's deployment (client-side tests of EngineIT). */
    public static synchronized Database.Settings arquillianDatabase() {
        return arquillianSettings;
    }

    /** The database of the application {@link #server()} runs on (to set up test accounts). */
    static synchronized Database.Settings systemDatabase() {
        return systemSettings;
    }

    /**
     * A fresh database on this run's MariaDB for tests that start servers of their own (the
     * scale-out test's two instances), dropped at the end of the run.
     */
    static synchronized Database.Settings provision(String suffix, boolean demo) throws java.sql.SQLException {
        String name = runId + "_" + suffix;
        Database.Settings settings = database.provision(name, demo);
        ownDatabases.add(name);
        return settings;
    }

    static Path buildDir() {
        return Path.of(System.getProperty("relais.build.dir", "target"));
    }

    private static void writeProperties(Path file, Database.Settings settings) throws IOException {
        Properties p = new Properties();
        p.putAll(settings.asProperties());
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "written by TestEnvironment for the Arquillian container");
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
