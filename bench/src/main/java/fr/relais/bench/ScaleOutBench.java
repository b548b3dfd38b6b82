package fr.relais.bench;

import fr.relais.launcher.Database;
import fr.relais.launcher.RelaisServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Scale-out under load, one command ({@code bench/run.sh instances=2}): two instances of Relais on one
 * fresh database, clustered explicitly (tcpip, loopback members, a cluster name of this run), in three
 * phases on the same database:
 *
 * <ol>
 *   <li>instance A alone: the load of {@link Bench} ({@code threads} clients, closed loop);
 *   <li>instance B joins (each counts two members in {@code /health/ready}); the same load, clients
 *       spread round-robin over A and B; the two tables side by side;
 *   <li>the same load again, and A is killed (SIGKILL) {@code before-kill} seconds into it: its clients
 *       move to B, B runs the jobs A held once their lock expires ({@code relais.engine.job-lock-seconds},
 *       {@code job-lock}); then no new lifecycle starts and those under way finish. The time to recover
 *       is from the kill to the last lifecycle under way at the kill completing.
 * </ol>
 *
 * Then the database is asked whether any job ran twice (an activity entered twice in one process
 * instance, {@code ACT_HI_ACTINST}: the history keeps no job log), any report was handed off twice, any incident was raised, any job is left due; and the
 * servers' logs for optimistic locking failures. Arguments {@code name=value}: {@code threads} (32),
 * {@code warmup} (10 s), {@code duration} (60 s per phase), {@code poll-ms} (10), {@code before-kill}
 * (20 s), {@code after-kill} (job lock + 30 s), {@code job-lock} (60 s), {@code kill} (true), {@code
 * http-port} (A's; B's the next; 0: free ports), {@code grid-port} (likewise), {@code keep} ({@code
 * false}; {@code true}, or {@code failed}: only when a check failed, to query it). Database: as {@link
 * Bench}.
 */
public final class ScaleOutBench {
    private static final Pattern MEMBERS = Pattern.compile("\"members\"\\s*:\\s*\"?(\\d+)");

    record Options(
            int threads,
            Duration warmup,
            Duration duration,
            int pollMillis,
            Duration beforeKill,
            Duration afterKill,
            int jobLockSeconds,
            boolean kill,
            String keep,
            int httpPort,
            int gridPort,
            Path war,
            Path buildDir,
            List<String> jvmOptions) {

        static Options parse(String[] args) {
            Map<String, String> a = new LinkedHashMap<>();
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("expected name=value: " + arg);
                }
                a.put(arg.substring(0, eq).replaceFirst("^--", ""), arg.substring(eq + 1));
            }
            List<String> known = List.of(
                    "instances",
                    "threads",
                    "warmup",
                    "duration",
                    "poll-ms",
                    "before-kill",
                    "after-kill",
                    "job-lock",
                    "kill",
                    "http-port",
                    "grid-port",
                    "keep");
            a.keySet().stream().filter(k -> !known.contains(k)).findFirst().ifPresent(k -> {
                throw new IllegalArgumentException("unknown argument " + k + " (known: " + known + ")");
            });
            if (!"2".equals(a.getOrDefault("instances", "2"))) {
                throw new IllegalArgumentException("the scale-out run has two instances");
            }
            int lock = Integer.parseInt(a.getOrDefault("job-lock", "60"));
            return new Options(
                    Integer.parseInt(a.getOrDefault("threads", "32")),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("warmup", "10"))),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("duration", "60"))),
                    Integer.parseInt(a.getOrDefault("poll-ms", "10")),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("before-kill", "20"))),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("after-kill", String.valueOf(lock + 30)))),
                    lock,
                    Boolean.parseBoolean(a.getOrDefault("kill", "true")),
                    a.getOrDefault("keep", "false"),
                    Integer.parseInt(a.getOrDefault("http-port", "0")),
                    Integer.parseInt(a.getOrDefault("grid-port", "0")),
                    Path.of(System.getProperty("relais.war", "web/target/relais.war")),
                    Path.of(System.getProperty("relais.build.dir", "bench/target")),
                    Arrays.stream(Optional.ofNullable(System.getenv("JVM_ARGS"))
                                    .orElse("")
                                    .trim()
                                    .split("\\s+"))
                            .filter(s -> !s.isEmpty())
                            .toList());
        }
    }

    /** What the smoke test and the exit code check. */
    record Outcome(long completedAlone, long completedTogether, boolean once, String report) {}

    private ScaleOutBench() {}

    public static void main(String[] args) throws Exception {
        Outcome outcome = run(Options.parse(args));
        System.exit(outcome.once() && outcome.completedAlone() > 0 && outcome.completedTogether() > 0 ? 0 : 1);
    }

    static Outcome run(Options o) throws Exception {
        Files.createDirectories(o.buildDir());
        String name = "scaleout_bench_" + System.currentTimeMillis();
        Bench.AdminAccount admin = Bench.AdminAccount.fromEnvironment();
        Database database = admin == null
                ? Database.embedded(o.buildDir().resolve("bench-mariadb"), Bench.freePort())
                : Database.external(admin.host(), admin.port(), admin.user(), admin.password());
        String adminUrl = admin == null ? null : admin.url();
        String adminUser = admin == null ? "root" : admin.user();
        String adminPassword = admin == null ? "" : admin.password();
        RelaisServer a = null;
        RelaisServer b = null;
        DbProbe probe = null;
        boolean keep = "true".equals(o.keep());
        try {
            Database.Settings settings = database.provision(name, true);
            if (adminUrl == null) {
                adminUrl = settings.url().substring(0, settings.url().lastIndexOf('/') + 1);
            }
            probe = new DbProbe(adminUrl, adminUser, adminPassword, name, settings.user());
            boolean perUser = probe.enableUserStatistics();

            int httpA = o.httpPort() > 0 ? o.httpPort() : Bench.freePort();
            int httpB = o.httpPort() > 0 ? o.httpPort() + 1 : Bench.freePort();
            int gridA = o.gridPort() > 0 ? o.gridPort() : Bench.freePort();
            int gridB = o.gridPort() > 0 ? o.gridPort() + 1 : Bench.freePort();
            String cluster = "relais-bench-" + UUID.randomUUID();
            String members = "127.0.0.1:" + gridA + ",127.0.0.1:" + gridB;
            Map<String, String> settingsA = new LinkedHashMap<>(settings.asProperties());
            settingsA.put("RELAIS_LIMIT_REQUESTS_PER_ADDRESS_PER_MINUTE", "0");
            settingsA.put("RELAIS_LIMIT_CHATS_PER_ADDRESS_PER_MINUTE", "0");
            settingsA.putIfAbsent("RELAIS_OPERATOR_MAX_CHATS", "100000");
            settingsA.put("relais.engine.job-lock-seconds", String.valueOf(o.jobLockSeconds()));
            // one master key for both: B runs without demo mode, where sealing needs one (a closing on
            // B failed with "RELAIS_MASTER_KEYS is not set" in the first run), and what one instance
            // sealed the other must open
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            settingsA.put(
                    "RELAIS_MASTER_KEYS",
                    "bench:" + java.util.Base64.getEncoder().encodeToString(key));
            // one instance loads the demo accounts on the empty database (both would race on them)
            Map<String, String> settingsB = new LinkedHashMap<>(settingsA);
            settingsB.put("RELAIS_DEMO", "false");
            a = new RelaisServer(o.war(), o.buildDir().resolve("scaleout-a"), httpA, settingsA)
                    .cluster(cluster, members, gridA)
                    .jvmOptions(o.jvmOptions());
            b = new RelaisServer(o.war(), o.buildDir().resolve("scaleout-b"), httpB, settingsB)
                    .cluster(cluster, members, gridB)
                    .jvmOptions(o.jvmOptions());
            List<String> loads = new ArrayList<>();

            Bench.log("Starting instance A alone (log: " + a.log() + ") ...");
            long starting = System.nanoTime();
            a.start(Duration.ofMinutes(10));
            double startA = (System.nanoTime() - starting) / 1e9;
            Bench.log(String.format(Locale.ROOT, "A ready in %.1f s at %s", startA, a.baseUrl()));
            Api apiA = new Api(a.baseUrl());
            apiA.detectAuth(LoadDriver.OPERATORS[0]);

            Bench.log("One instance: " + o.threads() + " clients, warm-up "
                    + o.warmup().toSeconds() + " s, measured " + o.duration().toSeconds() + " s ...");
            loads.add(loadAverage());
            Bench.Counters alone = new Bench.Counters(probe, perUser);
            LoadDriver.Result one = new LoadDriver(
                            List.of(apiA), o.threads(), o.pollMillis(), Duration.ofSeconds(o.jobLockSeconds() + 60L))
                    .run(o.warmup(), o.warmup().dividedBy(2), o.duration(), alone);
            loads.add(loadAverage());
            Bench.log("One instance: " + one.completed() + " lifecycles in the window");

            Bench.log("Starting instance B (log: " + b.log() + ") ...");
            starting = System.nanoTime();
            b.start(Duration.ofMinutes(10));
            double startB = (System.nanoTime() - starting) / 1e9;
            int membersA = awaitMembers(a, 2);
            int membersB = awaitMembers(b, 2);
            Bench.log(String.format(
                    Locale.ROOT,
                    "B ready in %.1f s at %s; members seen by A: %d, by B: %d",
                    startB,
                    b.baseUrl(),
                    membersA,
                    membersB));
            if (membersA != 2 || membersB != 2) {
                throw new IllegalStateException("the two instances did not form one cluster: A sees " + membersA
                        + ", B sees " + membersB + " members");
            }
            Api apiB = new Api(b.baseUrl());
            apiB.detectAuth(LoadDriver.OPERATORS[0]);

            Bench.log("Two instances: " + o.threads() + " clients round-robin ...");
            loads.add(loadAverage());
            Bench.Counters together = new Bench.Counters(probe, perUser);
            LoadDriver.Result two = new LoadDriver(
                            List.of(apiA, apiB),
                            o.threads(),
                            o.pollMillis(),
                            Duration.ofSeconds(o.jobLockSeconds() + 60L))
                    .run(o.warmup(), o.warmup().dividedBy(2), o.duration(), together);
            loads.add(loadAverage());
            Bench.log("Two instances: " + two.completed() + " lifecycles in the window");

            LoadDriver.ThroughKill killed = null;
            String killLoad = null;
            if (o.kill()) {
                RelaisServer victim = a;
                Bench.log("Two instances, A killed " + o.beforeKill().toSeconds() + " s into the measured load,"
                        + " then " + o.afterKill().toSeconds() + " s on B and the lifecycles under way finished ...");
                killLoad = loadAverage();
                killed = new LoadDriver(
                                List.of(apiA, apiB),
                                o.threads(),
                                o.pollMillis(),
                                Duration.ofSeconds(o.jobLockSeconds() + 60L))
                        .runThroughKill(
                                o.warmup(),
                                o.warmup().dividedBy(2),
                                o.beforeKill(),
                                () -> {
                                    try {
                                        victim.kill();
                                        Bench.log("A killed (SIGKILL)");
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                },
                                o.afterKill());
                killLoad += " → " + loadAverage();
            }

            Checks checks = checks(adminUrl, adminUser, adminPassword, name, a, b);
            keep |= "failed".equals(o.keep()) && !checks.once();
            StringBuilder report = new StringBuilder();
            report.append("## Scale-out: one and two instances, ")
                    .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                    .append("\n\n")
                    .append(String.format(
                            Locale.ROOT,
                            "Machine: %d cores (%s); Java %s; %s. Two Payara Micro instances on one MariaDB database,"
                                    + " cluster `%s` (tcpip, loopback), each counting %d members; server JVM options %s;"
                                    + " job lock %d s. %d clients, closed loop, warm-up %d s, measured %d s per"
                                    + " phase. A ready in %.1f s, B in %.1f s. Load average (1, 5, 15 min) at the"
                                    + " start and end of each phase: one instance %s; two instances %s.%n%n",
                            Runtime.getRuntime().availableProcessors(),
                            Bench.cpuModel(),
                            System.getProperty("java.version"),
                            admin == null ? "embedded MariaDB" : "the machine's MariaDB",
                            cluster,
                            membersA,
                            String.join(" ", a.jvmOptions()),
                            o.jobLockSeconds(),
                            o.threads(),
                            o.warmup().toSeconds(),
                            o.duration().toSeconds(),
                            startA,
                            startB,
                            loads.get(0) + " → " + loads.get(1),
                            loads.get(2) + " → " + loads.get(3)))
                    .append(sideBySide(one, alone, two, together))
                    .append("\n");
            if (killed != null) {
                report.append(killReport(killed, o, killLoad)).append("\n");
            }
            report.append(checks.report());
            System.out.println();
            System.out.println(report);
            Files.writeString(o.buildDir().resolve("scaleout-results.md"), report);
            return new Outcome(one.completed(), two.completed(), checks.once(), report.toString());
        } finally {
            for (RelaisServer server : new RelaisServer[] {a, b}) {
                if (server != null) {
                    server.stop();
                }
            }
            if (probe != null) {
                probe.close();
            }
            if (keep) {
                Bench.log("Database kept: " + name + " (drop it when done)");
            } else {
                try {
                    database.drop(name);
                } catch (Exception e) {
                    Bench.log("could not drop " + name + ": " + e);
                }
            }
            database.stop();
        }
    }

    /** The per-call table of one and of two instances, side by side, then the figures of each. */
    private static String sideBySide(
            LoadDriver.Result one, Bench.Counters alone, LoadDriver.Result two, Bench.Counters together) {
        List<List<String>> rows = new ArrayList<>();
        List<String> calls = new ArrayList<>(LoadDriver.ORDER);
        two.stats().latencies.keySet().stream().filter(c -> !calls.contains(c)).forEach(calls::add);
        for (String call : calls) {
            Histogram h1 = one.stats().latencies.get(call);
            Histogram h2 = two.stats().latencies.get(call);
            if (h1 == null && h2 == null) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(call));
            row.addAll(cells(h1));
            row.addAll(cells(h2));
            rows.add(row);
        }
        StringBuilder out = new StringBuilder(Bench.table(
                List.of("call", "1: count", "1: p50 ms", "1: p99 ms", "2: count", "2: p50 ms", "2: p99 ms"), rows));
        List<List<String>> figures = new ArrayList<>();
        figures.add(List.of(
                "**complete lifecycles/s**",
                "**" + Bench.fmt(one.lifecyclesPerSecond()) + "**",
                "**" + Bench.fmt(two.lifecyclesPerSecond()) + "**"));
        figures.add(List.of(
                "lifecycles completed in the window",
                String.valueOf(one.completed()),
                String.valueOf(two.completed())));
        figures.add(List.of(
                "errors (measured window)",
                String.valueOf(one.stats().errorCount()),
                String.valueOf(two.stats().errorCount())));
        figures.add(List.of(
                "transactions (Com_commit) per lifecycle",
                Bench.fmt(alone.commits() / (double) Math.max(1, one.completed())),
                Bench.fmt(together.commits() / (double) Math.max(1, two.completed()))));
        figures.add(List.of(
                "connections the application held at the end",
                String.valueOf(alone.connections),
                String.valueOf(together.connections)));
        out.append("\n")
                .append(Bench.table(List.of("figure", "1 instance", "2 instances"), figures))
                .append("\n");
        if (one.stats().errorCount() + two.stats().errorCount() > 0) {
            out.append("One instance: ").append(Bench.errors(one.stats()));
            out.append("Two instances: ").append(Bench.errors(two.stats()));
        }
        return out.toString();
    }

    private static List<String> cells(Histogram h) {
        return h == null
                ? List.of("—", "—", "—")
                : List.of(
                        String.valueOf(h.getTotalCount()),
                        Bench.ms(h.getValueAtPercentile(50)),
                        Bench.ms(h.getValueAtPercentile(99)));
    }

    /**
     * The kill: lifecycles under way at the kill, how many completed (on B, the client moved) and
     * how many failed, the time from the kill to the last of them completing, the engine's job waits.
     */
    private static String killReport(LoadDriver.ThroughKill k, Options o, String load) {
        long killedAt = k.killedAt();
        List<LoadDriver.Lifecycle> underWay = k.lifecycles().stream()
                .filter(l -> l.start() < killedAt && l.end() > killedAt)
                .toList();
        long completed = underWay.stream().filter(l -> l.failure() == null).count();
        long lastEnd = underWay.stream()
                .filter(l -> l.failure() == null)
                .mapToLong(LoadDriver.Lifecycle::end)
                .max()
                .orElse(killedAt);
        List<LoadDriver.Lifecycle> after =
                k.lifecycles().stream().filter(l -> l.start() > killedAt).toList();
        long afterCompleted = after.stream().filter(l -> l.failure() == null).count();
        double afterSeconds = (k.drainedAt() - killedAt) / 1e9;
        Map<String, Long> failures = new LinkedHashMap<>();
        k.lifecycles().stream()
                .filter(l -> l.failure() != null && l.end() > killedAt)
                .forEach(l -> failures.merge(l.failure(), 1L, Long::sum));
        List<List<String>> figures = new ArrayList<>();
        figures.add(List.of("lifecycles under way when A was killed", String.valueOf(underWay.size())));
        figures.add(List.of(
                "… of them completed (their clients moved to B when A stopped answering)", String.valueOf(completed)));
        figures.add(List.of("… of them failed", String.valueOf(underWay.size() - completed)));
        figures.add(List.of(
                "**time to recover**: from the kill to the last of them completing",
                "**" + Bench.fmt((lastEnd - killedAt) / 1e9) + " s** (job lock " + o.jobLockSeconds() + " s)"));
        figures.add(List.of(
                "lifecycles started after the kill: completed / failed",
                afterCompleted + " / " + (after.size() - afterCompleted)));
        figures.add(List.of(
                "lifecycles/s on B from the kill to the end (the tail of waits for A's locked jobs included)",
                Bench.fmt(afterCompleted / afterSeconds)));
        figures.add(
                List.of("client calls sent again to B after a transport failure on A", String.valueOf(k.failovers())));
        for (String job : List.of(LoadDriver.JOB_ANONYMISATION, LoadDriver.JOB_COMPETENCE)) {
            Histogram h = k.stats().latencies.get(job);
            if (h != null) {
                figures.add(List.of(
                        job + " through the kill: p50 / p99 / max",
                        Bench.ms(h.getValueAtPercentile(50)) + " / " + Bench.ms(h.getValueAtPercentile(99)) + " / "
                                + Bench.ms(h.getMaxValue()) + " ms"));
            }
        }
        StringBuilder out = new StringBuilder("### A killed under load (SIGKILL), load average ")
                .append(load)
                .append("\n\n")
                .append(Bench.table(List.of("figure", "value"), figures))
                .append("\n");
        if (!failures.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            failures.forEach((f, n) -> rows.add(List.of(f, String.valueOf(n))));
            out.append("Failed lifecycles after the kill, by the call that failed:\n\n")
                    .append(Bench.table(List.of("call → status", "count"), rows))
                    .append("\n");
        }
        return out.toString();
    }

    /** What the database and the logs say after the three phases. */
    record Checks(boolean once, String report) {}

    private static Checks checks(
            String adminUrl, String user, String password, String database, RelaisServer a, RelaisServer b)
            throws SQLException, IOException {
        List<List<String>> rows = new ArrayList<>();
        boolean once;
        try (Connection c = DriverManager.getConnection(adminUrl + database, user, password);
                Statement s = c.createStatement()) {
            long reports = count(s, "SELECT COUNT(*) FROM report");
            // The history level keeps no job log (AuditedHistoryLevel): a job that ran twice shows as its
            // activity entered twice in one process instance (the bench's lifecycles never loop).
            long jobsTwice = count(
                    s,
                    "SELECT COUNT(*) FROM (SELECT PROC_INST_ID_, ACT_ID_ FROM ACT_HI_ACTINST"
                            + " GROUP BY PROC_INST_ID_, ACT_ID_ HAVING COUNT(*) > 1) twice");
            long succeeded = count(s, "SELECT COUNT(*) FROM ACT_HI_ACTINST");
            long jobFailures = count(s, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE EXCEPTION_MSG_ IS NOT NULL");
            long handedTwice = count(
                    s,
                    "SELECT COUNT(*) FROM (SELECT report_id FROM handoff GROUP BY report_id HAVING COUNT(*) > 1) twice");
            long handoffs = count(s, "SELECT COUNT(*) FROM handoff");
            long incidents = count(s, "SELECT COUNT(*) FROM ACT_HI_INCIDENT");
            long dueLeft =
                    count(s, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE DUEDATE_ IS NULL OR DUEDATE_ <= UTC_TIMESTAMP()");
            long lockedLeft = count(s, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL");
            Map<String, Long> statuses = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT status, COUNT(*) FROM report GROUP BY status ORDER BY 2 DESC")) {
                while (rs.next()) {
                    statuses.put(rs.getString(1), rs.getLong(2));
                }
            }
            String failures = "";
            if (jobFailures > 0) {
                try (ResultSet rs = s.executeQuery("SELECT LEFT(EXCEPTION_MSG_, 120), COUNT(*) FROM ACT_RU_JOB"
                        + " WHERE EXCEPTION_MSG_ IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 5")) {
                    List<String> kinds = new ArrayList<>();
                    while (rs.next()) {
                        kinds.add(rs.getLong(2) + "× " + rs.getString(1));
                    }
                    failures = " (" + String.join("; ", kinds) + ")";
                }
            }
            long optimistic = occurrences(a.log(), "OptimisticLockingException")
                    + occurrences(b.log(), "OptimisticLockingException");
            once = jobsTwice == 0 && handedTwice == 0 && incidents == 0;
            rows.add(List.of("reports created (warm-ups, all phases)", String.valueOf(reports)));
            rows.add(List.of(
                    "**activities entered twice in one instance** (ACT_HI_ACTINST: a job run twice)",
                    "**" + jobsTwice + "**" + " of " + succeeded + " activity instances"));
            rows.add(List.of(
                    "**reports handed off twice**", "**" + handedTwice + "**" + " of " + handoffs + " handoffs"));
            rows.add(List.of("**incidents**", "**" + incidents + "**"));
            rows.add(List.of("jobs left failed, waiting for a retry (ACT_RU_JOB)", jobFailures + failures));
            rows.add(List.of("OptimisticLockingException lines in the two servers' logs", String.valueOf(optimistic)));
            rows.add(List.of("jobs due and not run at the end / still locked", dueLeft + " / " + lockedLeft));
            List<String> st = new ArrayList<>();
            statuses.forEach((k, v) -> st.add(k + " " + v));
            rows.add(List.of("reports by status at the end", String.join(", ", st)));
        }
        return new Checks(once, "### Jobs run once\n\n" + Bench.table(List.of("check", "value"), rows) + "\n");
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long occurrences(Path log, String word) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        long n = 0;
        for (Path file : List.of(log, log.resolveSibling("server.previous.log"))) {
            if (Files.exists(file)) {
                n += Files.readString(file, StandardCharsets.ISO_8859_1).split(Pattern.quote(word), -1).length - 1;
            }
        }
        return n;
    }

    /** The members the data grid counts, from the {@code relais-cluster} check of {@code /health/ready}. */
    private static int awaitMembers(RelaisServer server, int expected) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        int members = 0;
        do {
            try {
                String body = client.send(
                                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/health/ready"))
                                        .timeout(Duration.ofSeconds(10))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                Matcher m = MEMBERS.matcher(body);
                members = m.find() ? Integer.parseInt(m.group(1)) : 0;
                if (members == expected) {
                    return members;
                }
            } catch (IOException notYet) {
                // asked again
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        return members;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
