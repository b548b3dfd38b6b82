package fr.relais.bench;

import fr.relais.launcher.Database;
import fr.relais.launcher.RelaisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Kill -9 under load: Relais on a fresh database, {@code clients} driving complete lifecycles over
 * the API ({@link LoadDriver#lifecycle}) through a {@link RetryingApi}; a few chats left waiting for an
 * operator; after {@code kill-after} seconds the server's JVM is killed (SIGKILL) with requests in
 * flight, the waiting chats' take-in-charge timers are made due while it is down, and it stays down
 * {@code outage} seconds; then it is started again on the same database and the clients, which kept
 * retrying, finish their lifecycles. Checked from the database: every acknowledged chat and report is
 * there exactly once, every lifecycle reached its end, the engine has no incident, no failed or overdue
 * job and no orphan process, and each timer due during the outage fired once after the restart.
 *
 * <p>Arguments {@code name=value}: {@code clients} (8), {@code kill-after} (10 s), {@code duration}
 * (30 s: clients start new lifecycles until then, counted from the first start), {@code outage} (5 s),
 * {@code waiting-chats} (5), {@code starts} (0: more orderly stop and start cycles at the end, timed),
 * {@code port} (0: any free one), {@code job-lock} (30 s: the engine's job lock time, {@code
 * RELAIS_ENGINE_JOB_LOCK_SECONDS}). Database as {@link Bench}; {@code JVM_ARGS}: more server JVM options.
 */
public final class CrashBench {
    /** The run's settings. */
    public record Options(
            int clients,
            Duration killAfter,
            Duration duration,
            Duration outage,
            int waitingChats,
            int starts,
            int port,
            Duration jobLock,
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
                    "clients", "kill-after", "duration", "outage", "waiting-chats", "starts", "port", "job-lock");
            a.keySet().stream().filter(k -> !known.contains(k)).findFirst().ifPresent(k -> {
                throw new IllegalArgumentException("unknown argument " + k + "; known: " + known);
            });
            return new Options(
                    Integer.parseInt(a.getOrDefault("clients", "8")),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("kill-after", "10"))),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("duration", "30"))),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("outage", "5"))),
                    Integer.parseInt(a.getOrDefault("waiting-chats", "5")),
                    Integer.parseInt(a.getOrDefault("starts", "0")),
                    Integer.parseInt(a.getOrDefault("port", "0")),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("job-lock", "30"))),
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

    /** What the smoke test checks. */
    public record Outcome(
            long acknowledged,
            long retried,
            long inFlightAtKill,
            int exitStatus,
            long duplicates,
            long lost,
            long started,
            long finished,
            int timersArranged,
            long timersFired,
            long incidents,
            long failedJobs,
            long overdueJobs,
            long orphans,
            String report) {}

    private static final String WAITING = "POST /citizen/chats (left waiting)";
    private static final Duration SETTLE = Duration.ofSeconds(120);

    private CrashBench() {}

    public static void main(String[] args) throws Exception {
        Outcome o = run(Options.parse(args));
        boolean ok = o.duplicates() == 0
                && o.lost() == 0
                && o.finished() == o.started()
                && o.timersFired() == o.timersArranged()
                && o.incidents() + o.failedJobs() + o.overdueJobs() + o.orphans() == 0;
        System.exit(ok ? 0 : 1);
    }

    public static Outcome run(Options o) throws Exception {
        Files.createDirectories(o.buildDir());
        String name = "relais_crash_" + System.currentTimeMillis();
        Bench.AdminAccount admin = Bench.AdminAccount.fromEnvironment();
        Database database = admin == null
                ? Database.embedded(o.buildDir().resolve("crash-mariadb"), Bench.freePort())
                : Database.external(admin.host(), admin.port(), admin.user(), admin.password());
        RelaisServer server = null;
        try {
            Database.Settings settings = database.provision(name, true);
            Map<String, String> serverSettings = new LinkedHashMap<>(settings.asProperties());
            // the driver is one client address standing for many citizens: no per-address limit
            serverSettings.put("RELAIS_LIMIT_REQUESTS_PER_ADDRESS_PER_MINUTE", "0");
            serverSettings.put("RELAIS_LIMIT_CHATS_PER_ADDRESS_PER_MINUTE", "0");
            serverSettings.putIfAbsent("RELAIS_OPERATOR_MAX_CHATS", "100000");
            // the jobs the killed engine held stay locked this long; the default 5 minutes would
            // make every run wait them out (the jobs here take well under a second)
            serverSettings.put(
                    "RELAIS_ENGINE_JOB_LOCK_SECONDS", String.valueOf(o.jobLock().toSeconds()));
            int port = o.port() > 0 ? o.port() : Bench.freePort();
            server = new RelaisServer(o.war(), o.buildDir().resolve("crash-server"), port, serverSettings)
                    .jvmOptions(o.jvmOptions());
            Bench.log("Starting Relais (log: " + server.log() + ") ...");
            double firstStart = timedStart(server);
            Bench.log(String.format(Locale.ROOT, "Ready in %.1f s at %s", firstStart, server.baseUrl()));

            try (Connection db = DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
                Outcome outcome = crash(o, server, db, firstStart);
                List<Double> starts = new ArrayList<>();
                for (int i = 0; i < o.starts(); i++) {
                    server.stop();
                    starts.add(timedStart(server));
                    Bench.log(String.format(Locale.ROOT, "Orderly restart %d: ready in %.1f s", i + 1, starts.get(i)));
                }
                String report = outcome.report() + starts(firstStart, starts);
                System.out.println();
                System.out.println(report);
                Files.writeString(o.buildDir().resolve("crash-results.md"), report);
                return new Outcome(
                        outcome.acknowledged(),
                        outcome.retried(),
                        outcome.inFlightAtKill(),
                        outcome.exitStatus(),
                        outcome.duplicates(),
                        outcome.lost(),
                        outcome.started(),
                        outcome.finished(),
                        outcome.timersArranged(),
                        outcome.timersFired(),
                        outcome.incidents(),
                        outcome.failedJobs(),
                        outcome.overdueJobs(),
                        outcome.orphans(),
                        report);
            }
        } finally {
            if (server != null) {
                server.stop();
            }
            try {
                database.drop(name);
            } catch (Exception e) {
                Bench.log("could not drop " + name + ": " + e);
            }
            database.stop();
        }
    }

    private static double timedStart(RelaisServer server) throws Exception {
        long starting = System.nanoTime();
        server.start(Duration.ofMinutes(10));
        return (System.nanoTime() - starting) / 1e9;
    }

    private static Outcome crash(Options o, RelaisServer server, Connection db, double firstStart) throws Exception {
        long chatsBefore = max(db, "select coalesce(max(id), 0) from chat");
        long reportsBefore = max(db, "select coalesce(max(id), 0) from report");
        RetryingApi api = new RetryingApi(server.baseUrl(), 200);
        api.detectAuth(LoadDriver.OPERATORS[0]);
        // the whole outage fits in a client's wait for the engine's job
        LoadDriver driver = new LoadDriver(api, o.clients(), 10, Duration.ofMinutes(15));

        Stats waitingStats = new Stats();
        List<Long> waiting = new ArrayList<>();
        for (int i = 0; i < o.waitingChats(); i++) {
            Api.Reply reply = api.call(
                    waitingStats,
                    WAITING,
                    "POST",
                    "/citizen/chats",
                    "{\"platform\":\"GENERALIST\",\"door\":\"INFORMATION\","
                            + "\"message\":\"Quels sont les horaires du commissariat ?\"}",
                    null);
            if (reply.status() != 201) {
                throw new IllegalStateException("a waiting chat could not be opened: " + reply);
            }
            waiting.add(reply.id());
        }

        AtomicLong started = new AtomicLong();
        AtomicLong finished = new AtomicLong();
        Map<String, Long> failures = new ConcurrentHashMap<>();
        Stats all = new Stats();
        long loadEnds = System.nanoTime() + o.duration().toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < o.clients(); t++) {
            String operator = LoadDriver.OPERATORS[t % LoadDriver.OPERATORS.length];
            Thread client = new Thread(
                    () -> {
                        Stats s = new Stats();
                        while (System.nanoTime() - loadEnds < 0) {
                            started.incrementAndGet();
                            try {
                                driver.lifecycle(operator, s);
                                finished.incrementAndGet();
                            } catch (RuntimeException e) {
                                failures.merge(e.getMessage(), 1L, Long::sum);
                            }
                        }
                        all.merge(s);
                    },
                    "client-" + t);
            clients.add(client);
            client.start();
        }

        Thread.sleep(o.killAfter().toMillis());
        api.restarting = true;
        long inFlight = api.inFlight.get();
        Instant killedAt = Instant.now();
        long killing = System.nanoTime();
        int exit = server.kill();
        Bench.log("Killed the server (exit status " + exit + ") with " + inFlight + " requests in flight");
        // the jobs the dead engine had acquired: locked to it until their lock expires
        long lockedJobs = count(db, "select count(*) from ACT_RU_JOB where LOCK_OWNER_ is not null");
        long lockLeft = count(
                db,
                "select coalesce(timestampdiff(SECOND, utc_timestamp(), max(LOCK_EXP_TIME_)), 0) from ACT_RU_JOB"
                        + " where LOCK_OWNER_ is not null");
        int arranged = makeTimersDue(db, waiting, killedAt);
        Bench.log(arranged + " take-in-charge timers made due during the outage");
        Thread.sleep(o.outage().toMillis());
        long restarting = System.nanoTime();
        server.start(Duration.ofMinutes(10));
        long ready = System.nanoTime();
        api.restarting = false;
        double restart = (ready - restarting) / 1e9;
        double outage = (ready - killing) / 1e9;
        Bench.log(String.format(Locale.ROOT, "Restarted: ready in %.1f s, outage %.1f s", restart, outage));

        for (Thread client : clients) {
            client.join(Duration.ofMinutes(20).toMillis());
        }
        Bench.log("Clients done: " + finished.get() + " of " + started.get() + " lifecycles finished");
        long[] memory = Bench.memory(server.pid());

        long fired = awaitTimers(db, waiting);
        Settled settled = settle(db, chatsBefore, reportsBefore);

        // acknowledged calls against the database
        List<RetryingApi.Ack> acks = new ArrayList<>(api.acks);
        Set<Long> ackedChats = ids(acks, LoadDriver.OPEN_CHAT, WAITING);
        Set<Long> ackedReports = ids(acks, LoadDriver.REPORT);
        Map<Long, Long> reportsPerChat = new HashMap<>();
        Set<Long> reportRows = new HashSet<>();
        try (PreparedStatement q = db.prepareStatement("select id, chat_id from report where id > ?")) {
            q.setLong(1, reportsBefore);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    reportRows.add(rs.getLong(1));
                    reportsPerChat.merge(rs.getLong(2), 1L, Long::sum);
                }
            }
        }
        Set<Long> chatRows = new HashSet<>(longs(db, "select id from chat where id > ?", chatsBefore));
        long lostChats =
                ackedChats.stream().filter(id -> !chatRows.contains(id)).count();
        long lostReports =
                ackedReports.stream().filter(id -> !reportRows.contains(id)).count();
        // a chat or report no acknowledged call made: a retry that made a second one
        long extraChats =
                chatRows.stream().filter(id -> !ackedChats.contains(id)).count();
        long extraReports =
                reportRows.stream().filter(id -> !ackedReports.contains(id)).count();
        long chatsWithTwoReports =
                reportsPerChat.values().stream().filter(n -> n > 1).count();
        long keysReused = acks.stream()
                .filter(a -> a.key() != null)
                .collect(Collectors.groupingBy(RetryingApi.Ack::key, Collectors.counting()))
                .values()
                .stream()
                .filter(n -> n > 1)
                .count();
        long unfinishedReports =
                count(db, "select count(*) from report where id > ? and status <> 'TAKEN_OVER'", reportsBefore);
        long duplicates = extraChats + extraReports + chatsWithTwoReports + keysReused;
        long lost = lostChats + lostReports;

        Map<String, Long> retriedByCall = new TreeMap<>();
        acks.stream().filter(RetryingApi.Ack::retried).forEach(a -> retriedByCall.merge(a.call(), 1L, Long::sum));
        long settledByRead = acks.stream().filter(RetryingApi.Ack::settled).count();

        StringBuilder out = new StringBuilder("## Crash: kill -9 under load, ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append("\n\n");
        out.append(String.format(
                Locale.ROOT,
                "Machine: %d cores, load average %s at the end; Java %s; server JVM options %s. %d clients,"
                        + " kill after %d s, server kept down %d s, new lifecycles started for %d s, job lock %d s.%n%n",
                Runtime.getRuntime().availableProcessors(),
                loadAverage(),
                System.getProperty("java.version"),
                String.join(" ", server.jvmOptions()),
                o.clients(),
                o.killAfter().toSeconds(),
                o.outage().toSeconds(),
                o.duration().toSeconds(),
                o.jobLock().toSeconds()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("calls acknowledged (2xx, state-changing)", String.valueOf(acks.size())));
        rows.add(List.of("chats / reports acknowledged", ackedChats.size() + " / " + ackedReports.size()));
        rows.add(List.of("requests in flight at the kill", String.valueOf(inFlight)));
        rows.add(List.of("server's exit status (137 = SIGKILL)", String.valueOf(exit)));
        rows.add(List.of(
                "jobs locked by the killed engine; their lock's end after the kill",
                lockedJobs + "; " + (lockedJobs == 0 ? "-" : lockLeft + " s")));
        rows.add(List.of(
                "calls retried (attempts without an answer)", api.retried.get() + " (" + api.unanswered.get() + ")"));
        rows.add(List.of(
                "acknowledged after a retry, by call", retriedByCall.isEmpty() ? "none" : retriedByCall.toString()));
        rows.add(List.of(
                "retries settled by reading the resource (409 after a lost answer)", String.valueOf(settledByRead)));
        rows.add(List.of(
                "answers while the server was starting (retried)",
                api.startingAnswers.isEmpty() ? "none" : api.startingAnswers.toString()));
        if (!api.refusedAfterRetry.isEmpty()) {
            rows.add(List.of("refused after a retry", String.join("; ", api.refusedAfterRetry)));
        }
        rows.add(List.of(
                "**duplicates found**",
                "**" + duplicates + "** (chats " + extraChats + ", reports " + extraReports
                        + ", chats with two reports " + chatsWithTwoReports + ", keys acknowledged twice " + keysReused
                        + ")"));
        rows.add(List.of("**lost**", "**" + lost + "** (chats " + lostChats + ", reports " + lostReports + ")"));
        rows.add(List.of(
                "**lifecycles finished / started**",
                "**" + finished.get() + " / " + started.get() + "**"
                        + (failures.isEmpty() ? "" : " failed: " + failures)));
        rows.add(List.of("reports of the run not TAKEN_OVER at the end", String.valueOf(unfinishedReports)));
        rows.add(List.of("outage (kill to ready again)", fmt(outage) + " s"));
        rows.add(List.of("restart time to ready", fmt(restart) + " s (first start " + fmt(firstStart) + " s)"));
        rows.add(List.of(
                "**timers due during the outage fired after the restart**",
                "**" + fired + " / " + arranged + "** (take-in-charge breach, once each)"));
        rows.add(List.of(
                "engine: incidents / failed jobs / overdue jobs / orphan processes",
                settled.incidents + " / " + settled.failedJobs + " / " + settled.overdueJobs + " / "
                        + settled.orphans));
        rows.add(List.of(
                "server memory after the run (VmRSS / VmHWM)", memory[0] / 1024 + " / " + memory[1] / 1024 + " MB"));
        out.append(Bench.table(List.of("figure", "value"), rows)).append("\n");
        return new Outcome(
                acks.size(),
                api.retried.get(),
                inFlight,
                exit,
                duplicates,
                lost,
                started.get(),
                finished.get(),
                arranged,
                fired,
                settled.incidents,
                settled.failedJobs,
                settled.overdueJobs,
                settled.orphans + unfinishedReports,
                out.toString());
    }

    /** The waiting chats' 2-minute take-in-charge timers, due at the kill: they fall due while the server is down. */
    private static int makeTimersDue(Connection db, List<Long> chats, Instant due) throws SQLException {
        int arranged = 0;
        try (PreparedStatement update = db.prepareStatement("update ACT_RU_JOB j join ACT_RU_EXECUTION e"
                + " on e.PROC_INST_ID_ = j.PROCESS_INSTANCE_ID_ and e.ID_ = e.PROC_INST_ID_"
                + " set j.DUEDATE_ = ?"
                + " where e.BUSINESS_KEY_ = ? and j.PROCESS_DEF_KEY_ = 'Conversation'"
                + " and j.HANDLER_CFG_ like '%Timer_TakeChatBreach%'")) {
            for (long chat : chats) {
                update.setTimestamp(1, Timestamp.valueOf(LocalDateTime.ofInstant(due, ZoneOffset.UTC)));
                update.setString(2, String.valueOf(chat));
                arranged += update.executeUpdate();
            }
        }
        return arranged;
    }

    /** Waits for the waiting chats' breaches; counts the chats with exactly one. */
    private static long awaitTimers(Connection db, List<Long> chats) throws Exception {
        if (chats.isEmpty()) {
            return 0;
        }
        String in = chats.stream().map(String::valueOf).collect(Collectors.joining(","));
        long deadline = System.nanoTime() + SETTLE.toNanos();
        long once;
        do {
            long breached = count(
                    db,
                    "select count(distinct chat_id) from sla_breach where step = 'TAKE_CHAT' and chat_id in (" + in
                            + ")");
            if (breached == chats.size()) {
                break;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        once = count(
                db,
                "select count(*) from (select chat_id from sla_breach where step = 'TAKE_CHAT' and chat_id in (" + in
                        + ") group by chat_id having count(*) = 1) once");
        return once;
    }

    private record Settled(long incidents, long failedJobs, long overdueJobs, long orphans) {}

    /**
     * The engine once its due work is done: incidents, jobs out of retries, jobs still due half a
     * minute after their time, and process instances of the lifecycle or the conversation that no
     * chat or report points to (or chats and reports whose process the engine never knew).
     */
    private static Settled settle(Connection db, long chatsBefore, long reportsBefore) throws Exception {
        String overdue = "select count(*) from ACT_RU_JOB where RETRIES_ > 0 and (DUEDATE_ is null or DUEDATE_ <"
                + " timestampadd(SECOND, -30, utc_timestamp()))";
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (count(db, overdue) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
        }
        long incidents = count(db, "select count(*) from ACT_RU_INCIDENT");
        long failed = count(db, "select count(*) from ACT_RU_JOB where RETRIES_ = 0");
        long orphans = count(
                        db,
                        "select count(*) from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_"
                                + " where e.ID_ = e.PROC_INST_ID_ and d.KEY_ in ('ReportLifecycle', 'Conversation')"
                                + " and e.PROC_INST_ID_ not in (select process_instance_id from report where"
                                + " process_instance_id is not null union select process_instance_id from chat"
                                + " where process_instance_id is not null)")
                + count(
                        db,
                        "select count(*) from report r where r.id > ? and (r.process_instance_id is null or not"
                                + " exists (select 1 from ACT_HI_PROCINST p where p.ID_ = r.process_instance_id))",
                        reportsBefore)
                + count(
                        db,
                        "select count(*) from chat c where c.id > ? and (c.process_instance_id is null or not"
                                + " exists (select 1 from ACT_HI_PROCINST p where p.ID_ = c.process_instance_id))",
                        chatsBefore);
        return new Settled(incidents, failed, count(db, overdue), orphans);
    }

    private static Set<Long> ids(List<RetryingApi.Ack> acks, String... calls) {
        List<String> wanted = List.of(calls);
        return acks.stream()
                .filter(a -> wanted.contains(a.call()))
                .map(RetryingApi.Ack::id)
                .collect(Collectors.toSet());
    }

    private static long max(Connection db, String sql) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql);
                ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(Connection db, String sql, long... parameters) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                q.setLong(i + 1, parameters[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<Long> longs(Connection db, String sql, long parameter) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setLong(1, parameter);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    private static String starts(double first, List<Double> more) {
        if (more.isEmpty()) {
            return "";
        }
        List<Double> all = new ArrayList<>(List.of(first));
        all.addAll(more);
        return "Start to ready (first start creates the schema; then orderly stop and start on it): "
                + all.stream().map(CrashBench::fmt).collect(Collectors.joining(", "))
                + " s.\n";
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
