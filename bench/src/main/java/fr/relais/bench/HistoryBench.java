package fr.relais.bench;

import fr.relais.launcher.Database;
import fr.relais.launcher.RelaisServer;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The supervision and audit reads on a long history: a fresh database created by the application's
 * own migrations (Relais started on it by the launcher), {@code count} historical reports written by
 * {@link HistoryGenerator} beside the running server (it reads them with queries), then every call of {@link
 * #calls} {@code calls} times with varied parameters, one client at a time (latency, not throughput),
 * after {@code warmup} unrecorded calls each; p50/p95/p99 per call against its target, as a Markdown
 * table (stdout and {@code <build dir>/history-results.md}).
 *
 * <p>Arguments {@code name=value}: {@code count} (5,000,000 reports), {@code chunk} (250,000 per
 * load), {@code events} (audit events per report, at most 6; 3), {@code calls} (100 per call),
 * {@code warmup} (10 per call), {@code buffer-pool} (MariaDB's {@code innodb_buffer_pool_size}
 * during the run, e.g. {@code 4G}; restored afterwards; default: left as it is), {@code keep} (true:
 * the database is kept for another measurement), {@code database} (measure an existing database kept
 * by an earlier run: no provisioning, no generation), {@code only} (a substring: only the calls whose
 * name contains it), {@code port} (the server's HTTP port; default: a free one), {@code prefix} (of the new database's name;
 * {@code relais_history}). Database: as {@link Bench} (BENCH_DB_URL … or RELAIS_TEST_DB_URL …, else
 * embedded).
 */
public final class HistoryBench {
    /** Supervision calls: p95 target 200 ms; the auditors' search: 500 ms. */
    static final long SUPERVISION_TARGET_MS = 200;

    static final long SEARCH_TARGET_MS = 500;

    /** A measured call: its row's name, target, and how to make the i-th one. */
    record Call(String name, long targetMs, Function<SplittableRandom, Request> request) {}

    /** One request: an API call (GET path under /api/v1, as user) or a screen (path under the root, a session's). */
    record Request(String user, String path, boolean screen, Map<String, String> ajaxSearch) {
        static Request api(String user, String path) {
            return new Request(user, path, false, null);
        }

        static Request screen(String user, String path) {
            return new Request(user, path, true, null);
        }
    }

    /** What the run's tables are made of. */
    record Outcome(String report, long errors, long measured) {}

    private HistoryBench() {}

    public static void main(String[] args) throws Exception {
        Outcome outcome = run(parse(args));
        System.exit(outcome.errors() == 0 && outcome.measured() > 0 ? 0 : 1);
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> a = new LinkedHashMap<>();
        List<String> known = List.of(
                "count",
                "chunk",
                "events",
                "calls",
                "warmup",
                "buffer-pool",
                "keep",
                "database",
                "only",
                "port",
                "prefix");
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0 && arg.matches("\\d+")) {
                a.put("count", arg);
                continue;
            }
            if (eq < 0 || !known.contains(arg.substring(0, eq))) {
                throw new IllegalArgumentException("expected one of " + known + " as name=value: " + arg);
            }
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return a;
    }

    /**
     * Every call measured, in one place: supervision (chats, handoffs, the platform screen) and audit
     * (the search with each criterion, paged, a report's history, the auditor's screen with a search).
     */
    static List<Call> calls(long firstId, long count, Instant end) {
        List<String> units = HistoryGenerator.unitCodes();
        String sup = "superviseur";
        String admin = "admin";
        String auditor = "auditeur";
        long s = SUPERVISION_TARGET_MS;
        long a = SEARCH_TARGET_MS;
        Function<SplittableRandom, Long> anyId = r -> firstId + r.nextLong(count);
        Function<SplittableRandom, LocalDate> anyDay =
                r -> LocalDate.ofInstant(end, ZoneOffset.UTC).minusDays(1 + r.nextInt(725));
        List<Call> calls = new ArrayList<>();
        // supervision: chats
        calls.add(new Call(
                "GET /supervision/chats (last 24 h, supervisor)", s, r -> Request.api(sup, "/supervision/chats")));
        calls.add(new Call(
                "GET /supervision/chats (a past day, VSS, admin)",
                s,
                r -> Request.api(admin, "/supervision/chats?platform=VSS" + period(anyDay.apply(r), 1))));
        calls.add(new Call(
                "GET /supervision/chats (a past week)",
                s,
                r -> Request.api(sup, "/supervision/chats?platform=GENERALIST" + period(anyDay.apply(r), 7))));
        calls.add(new Call(
                "GET /supervision/chats (a past 30 days)",
                s,
                r -> Request.api(sup, "/supervision/chats?platform=GENERALIST" + period(anyDay.apply(r), 30))));
        // supervision: handoffs
        calls.add(new Call(
                "GET /supervision/handoffs (last 7 days, the default, supervisor)",
                s,
                r -> Request.api(sup, "/supervision/handoffs")));
        calls.add(new Call(
                "GET /supervision/handoffs (a past 30 days, supervisor)",
                s,
                r -> Request.api(
                        sup,
                        "/supervision/handoffs?" + period(anyDay.apply(r), 30).substring(1))));
        calls.add(new Call(
                "GET /supervision/handoffs?department= (admin)",
                s,
                r -> Request.api(
                        admin,
                        "/supervision/handoffs?department="
                                + HistoryGenerator.DEPARTMENTS[r.nextInt(HistoryGenerator.DEPARTMENTS.length)])));
        calls.add(new Call(
                "GET /supervision/handoffs (a past week, admin)",
                s,
                r -> Request.api(
                        admin,
                        "/supervision/handoffs?" + period(anyDay.apply(r), 7).substring(1))));
        calls.add(new Call(
                "screen /supervisor/platform.xhtml (first load)",
                s,
                r -> Request.screen(sup, "/supervisor/platform.xhtml")));
        // supervision: lifecycle (the reports in each open stage), trends (volumes per hour), their screens
        calls.add(new Call(
                "GET /supervision/lifecycle (supervisor)", s, r -> Request.api(sup, "/supervision/lifecycle")));
        calls.add(new Call(
                "GET /supervision/trends (last 24 h, supervisor)", s, r -> Request.api(sup, "/supervision/trends")));
        calls.add(new Call(
                "GET /supervision/trends (a past 30 days, admin, both platforms)",
                s,
                r -> Request.api(
                        admin,
                        "/supervision/trends?" + dates(anyDay.apply(r), 30).substring(1))));
        calls.add(new Call(
                "screen /supervisor/lifecycle.xhtml (first load)",
                s,
                r -> Request.screen(sup, "/supervisor/lifecycle.xhtml")));
        calls.add(new Call(
                "screen /supervisor/handoffs.xhtml (first load)",
                s,
                r -> Request.screen(sup, "/supervisor/handoffs.xhtml")));
        calls.add(new Call(
                "screen /supervisor/trends.xhtml (first load)",
                s,
                r -> Request.screen(sup, "/supervisor/trends.xhtml")));
        // audit: the search with each criterion
        String search = "/audit/reports?size=20";
        calls.add(new Call("GET /audit/reports (no criterion, newest first)", a, r -> Request.api(auditor, search)));
        calls.add(new Call(
                "GET /audit/reports?reference=",
                a,
                r -> Request.api(auditor, search + "&reference=" + HistoryGenerator.reference(anyId.apply(r)))));
        calls.add(new Call(
                "GET /audit/reports?from=&to= (a week)",
                a,
                r -> Request.api(auditor, search + dates(anyDay.apply(r), 7))));
        calls.add(new Call(
                "GET /audit/reports?platform=",
                a,
                r -> Request.api(auditor, search + "&platform=" + (r.nextBoolean() ? "VSS" : "GENERALIST"))));
        calls.add(new Call(
                "GET /audit/reports?category=",
                a,
                r -> Request.api(
                        auditor,
                        search + "&category="
                                + HistoryGenerator.CATEGORIES[r.nextInt(HistoryGenerator.CATEGORIES.length)])));
        calls.add(new Call(
                "GET /audit/reports?unit=",
                a,
                r -> Request.api(auditor, search + "&unit=" + units.get(r.nextInt(units.size())))));
        calls.add(new Call(
                "GET /audit/reports?status=",
                a,
                r -> Request.api(
                        auditor,
                        search + "&status="
                                + HistoryGenerator.RECENT_STATUSES[
                                        r.nextInt(HistoryGenerator.RECENT_STATUSES.length)])));
        calls.add(new Call(
                "GET /audit/reports?operator=",
                a,
                r -> Request.api(
                        auditor,
                        search + "&operator="
                                + HistoryGenerator.operator(false, r.nextInt(HistoryGenerator.GENERALIST_OPERATORS)))));
        calls.add(new Call(
                "GET /audit/reports (category + unit + a month)",
                a,
                r -> Request.api(
                        auditor,
                        search + "&category="
                                + HistoryGenerator.CATEGORIES[r.nextInt(HistoryGenerator.CATEGORIES.length)]
                                + "&unit=" + units.get(r.nextInt(units.size())) + dates(anyDay.apply(r), 30))));
        calls.add(new Call(
                "GET /audit/reports?platform= (page 2–50)",
                a,
                r -> Request.api(auditor, search + "&platform=GENERALIST&first=" + 20 * (1 + r.nextInt(49)))));
        calls.add(new Call(
                "GET /reports/{id}/history", a, r -> Request.api(auditor, "/reports/" + anyId.apply(r) + "/history")));
        calls.add(new Call(
                "screen /auditor/index.xhtml (first load)", a, r -> Request.screen(auditor, "/auditor/index.xhtml")));
        calls.add(new Call(
                "screen /auditor/index.xhtml: search (operator + platform)",
                a,
                r -> new Request(
                        auditor,
                        "/auditor/index.xhtml",
                        true,
                        Map.of(
                                "search:operator",
                                HistoryGenerator.operator(false, r.nextInt(HistoryGenerator.GENERALIST_OPERATORS)),
                                "search:platform_input",
                                "GENERALIST"))));
        return calls;
    }

    private static String period(LocalDate day, int days) {
        return "&from=" + day.atStartOfDay().toInstant(ZoneOffset.UTC) + "&to="
                + day.plusDays(days).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static String dates(LocalDate day, int days) {
        return "&from=" + day + "&to=" + day.plusDays(days - 1);
    }

    static Outcome run(Map<String, String> a) throws Exception {
        long count = Long.parseLong(a.getOrDefault("count", "5000000"));
        int chunk = Integer.parseInt(a.getOrDefault("chunk", "250000"));
        int events = Integer.parseInt(a.getOrDefault("events", "3"));
        int n = Integer.parseInt(a.getOrDefault("calls", "100"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "10"));
        boolean keep = Boolean.parseBoolean(a.getOrDefault("keep", "false"));
        String only = a.get("only");
        Path buildDir = Path.of(System.getProperty("relais.build.dir", "bench/target"));
        Path war = Path.of(System.getProperty("relais.war", "web/target/relais.war"));
        Files.createDirectories(buildDir);

        String existing = a.get("database");
        String name = existing != null
                ? existing
                : a.getOrDefault("prefix", "relais_history") + "_" + System.currentTimeMillis();
        Bench.AdminAccount admin = Bench.AdminAccount.fromEnvironment();
        Database database = admin == null
                ? Database.embedded(buildDir.resolve("history-mariadb"), Bench.freePort())
                : Database.external(admin.host(), admin.port(), admin.user(), admin.password());
        String adminUser = admin == null ? "root" : admin.user();
        String adminPassword = admin == null ? "" : admin.password();
        RelaisServer server = null;
        String restorePool = null;
        String adminUrl = null;
        boolean dropAtEnd = !keep && existing == null;
        try {
            Database.Settings settings = database.provision(name, true);
            adminUrl = settings.url().substring(0, settings.url().lastIndexOf('/') + 1);
            if (a.containsKey("buffer-pool")) {
                restorePool = bufferPool(adminUrl, adminUser, adminPassword, a.get("buffer-pool"));
            }
            Map<String, String> serverSettings = new LinkedHashMap<>(settings.asProperties());
            serverSettings.put("RELAIS_LIMIT_REQUESTS_PER_ADDRESS_PER_MINUTE", "0");

            // the schema and the demo accounts: the application's own migrations, at its start; the history is
            // then written beside the running server (it reads it with queries, nothing of it is cached)
            int port = a.containsKey("port") ? Integer.parseInt(a.get("port")) : Bench.freePort();
            server = new RelaisServer(war, buildDir.resolve("history-server"), port, serverSettings);
            Bench.log("Starting Relais on " + name + " (log: " + server.log() + ") ...");
            long starting = System.nanoTime();
            server.start(Duration.ofMinutes(10));
            double startSeconds = (System.nanoTime() - starting) / 1e9;
            HistoryGenerator.Result generated = null;
            Instant end;
            long firstId;
            if (existing == null) {
                end = Instant.now();
                Bench.log(String.format(Locale.ROOT, "Generating %,d reports ...", count));
                generated = new HistoryGenerator(
                                settings.url(), adminUser, adminPassword, buildDir.resolve("history-chunks"))
                        .generate(count, chunk, events, end);
                firstId = generated.firstId();
                Bench.log(String.format(Locale.ROOT, "Generated in %.0f s: %s", generated.seconds(), generated));
            } else {
                long[] range = range(settings.url(), adminUser, adminPassword);
                firstId = range[0];
                count = range[1];
                end = Instant.ofEpochSecond(range[2]);
            }

            List<Call> calls = calls(firstId, count, end).stream()
                    .filter(c -> only == null || c.name().contains(only))
                    .toList();
            Measure measure = new Measure(server.baseUrl());
            Stats stats = new Stats();
            for (Call call : calls) {
                Bench.log("Measuring " + call.name() + " ...");
                measure.run(call, warmup, n, stats);
            }
            Map<String, Long> rows = rows(settings.url(), adminUser, adminPassword);
            String report = report(
                    calls, stats, generated, count, rows, startSeconds, adminUrl, adminUser, adminPassword, n, warmup);
            System.out.println();
            System.out.println(report);
            Files.writeString(buildDir.resolve("history-results.md"), report);
            return new Outcome(
                    report,
                    stats.errorCount(),
                    calls.stream().mapToLong(c -> stats.count(c.name())).sum());
        } finally {
            if (server != null) {
                server.stop();
            }
            if (restorePool != null) {
                bufferPool(adminUrl, adminUser, adminPassword, restorePool);
            }
            if (dropAtEnd) {
                try {
                    database.drop(name);
                } catch (Exception e) {
                    Bench.log("could not drop " + name + ": " + e);
                }
            } else {
                Bench.log("Kept database " + name + " (database=" + name + " measures it again)");
            }
            database.stop();
        }
    }

    /** Sets the buffer pool's size; returns the former one. */
    private static String bufferPool(String adminUrl, String user, String password, String size) throws Exception {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                Statement s = c.createStatement()) {
            String former;
            try (ResultSet r = s.executeQuery("SELECT @@GLOBAL.innodb_buffer_pool_size")) {
                r.next();
                former = r.getString(1);
            }
            long bytes = size.matches("\\d+[GgMm]")
                    ? Long.parseLong(size.substring(0, size.length() - 1))
                            << (Character.toUpperCase(size.charAt(size.length() - 1)) == 'G' ? 30 : 20)
                    : Long.parseLong(size);
            s.execute("SET GLOBAL innodb_buffer_pool_size = " + bytes);
            Bench.log("innodb_buffer_pool_size " + former + " → " + bytes);
            return former;
        }
    }

    /** An existing history's first generated id, its count and its end (the newest report). */
    private static long[] range(String url, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement();
                ResultSet r =
                        s.executeQuery("SELECT MIN(r.id), COUNT(*), UNIX_TIMESTAMP(MAX(c.created_at)) FROM report r"
                                + " JOIN chat c ON c.id = r.chat_id WHERE r.reference LIKE '____-____-__'"
                                + " AND r.operator LIKE 'bench-%'")) {
            r.next();
            return new long[] {r.getLong(1), r.getLong(2), r.getLong(3) + 3600};
        }
    }

    private static Map<String, Long> rows(String url, String user, String password) throws Exception {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            for (String table : List.of("report", "chat", "chat_fact", "handoff", "audit_event", "alert", "unit")) {
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    r.next();
                    rows.put(table, r.getLong(1));
                }
            }
        }
        return rows;
    }

    private static String report(
            List<Call> calls,
            Stats stats,
            HistoryGenerator.Result generated,
            long count,
            Map<String, Long> rows,
            double startSeconds,
            String adminUrl,
            String adminUser,
            String adminPassword,
            int n,
            int warmup)
            throws Exception {
        StringBuilder out = new StringBuilder("## Supervision and audit on a long history, ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append("\n\n");
        String pool = "?";
        try (Connection c = DriverManager.getConnection(adminUrl, adminUser, adminPassword);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT @@GLOBAL.innodb_buffer_pool_size, VERSION()")) {
            r.next();
            pool = (r.getLong(1) >> 20) + " MiB, MariaDB " + r.getString(2);
        }
        out.append(String.format(
                Locale.ROOT,
                "Machine: %d cores, Java %s; buffer pool %s; server ready in %.1f s.%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                pool,
                startSeconds));
        if (generated != null) {
            out.append(String.format(
                    Locale.ROOT,
                    "Generated %,d reports (%,d chats, %,d handoffs, %,d audit events, %,d alerts) in %.0f s (%,.0f reports/s).%n",
                    generated.reports(),
                    generated.chats(),
                    generated.handoffs(),
                    generated.events(),
                    generated.alerts(),
                    generated.seconds(),
                    generated.reports() / Math.max(0.001, generated.seconds())));
        } else {
            out.append(String.format(Locale.ROOT, "Measured an existing history of %,d reports.%n", count));
        }
        out.append("Rows: ");
        rows.forEach((t, v) -> out.append(String.format(Locale.ROOT, "%s %,d; ", t, v)));
        out.append(String.format(
                Locale.ROOT,
                "%n%nOne client, %d calls each with varied parameters after %d unrecorded; ms.%n%n",
                n,
                warmup));
        List<List<String>> table = new ArrayList<>();
        for (Call call : calls) {
            Histogram h = stats.latencies.get(call.name());
            if (h == null) {
                continue;
            }
            double p95 = h.getValueAtPercentile(95) / 1000.0;
            table.add(List.of(
                    call.name(),
                    String.valueOf(h.getTotalCount()),
                    ms(h.getValueAtPercentile(50)),
                    ms(h.getValueAtPercentile(95)),
                    ms(h.getValueAtPercentile(99)),
                    ms(h.getMaxValue()),
                    call.targetMs() + (p95 <= call.targetMs() ? " ✓" : " **missed**")));
        }
        out.append(Bench.table(List.of("call", "count", "p50", "p95", "p99", "max", "p95 target"), table));
        if (stats.errors.isEmpty()) {
            out.append("\nErrors: none.\n");
        } else {
            out.append("\nErrors:\n\n");
            List<List<String>> errors = new ArrayList<>();
            stats.errors.forEach((k, v) -> errors.add(List.of(k, String.valueOf(v))));
            out.append(Bench.table(List.of("call → status", "count"), errors));
        }
        return out.toString();
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }

    /** Makes the calls: API calls with bearer tokens ({@link Api}); screens with a logged-in session per user. */
    static final class Measure {
        private static final Pattern VIEW_STATE =
                Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
        private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
        private final String base;
        private final Api api;
        private final Map<String, HttpClient> sessions = new LinkedHashMap<>();
        private final SplittableRandom random = new SplittableRandom(42);

        Measure(String base) {
            this.base = base;
            this.api = new Api(base);
            api.detectAuth("auditeur");
        }

        void run(Call call, int warmup, int n, Stats stats) throws Exception {
            Stats scratch = new Stats();
            for (int i = 0; i < warmup + n; i++) {
                Request request = call.request().apply(random);
                Stats into = i < warmup ? scratch : stats;
                int status;
                String body;
                if (!request.screen()) {
                    Api.Reply reply = api.call(into, call.name(), "GET", request.path(), null, request.user());
                    status = reply.status();
                    body = reply.body();
                } else {
                    HttpResponse<String> response = screen(into, call.name(), request);
                    status = response.statusCode();
                    body = response.body();
                }
                if (status != 200 || (request.screen() && !body.contains("ViewState"))) {
                    into.error(call.name(), String.valueOf(status));
                    if (i == warmup) {
                        Bench.log("  " + status + " " + body.substring(0, Math.min(300, body.length())));
                    }
                }
            }
        }

        private HttpResponse<String> screen(Stats stats, String name, Request request) throws Exception {
            HttpClient http = session(request.user());
            if (request.ajaxSearch() == null) {
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(base + request.path()))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                stats.record(name, System.nanoTime() - start);
                return response;
            }
            // the page is loaded first (not counted), then the search is posted as the button does (Ajax)
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(URI.create(base + request.path()))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Map<String, String> form = new LinkedHashMap<>();
            form.put("jakarta.faces.partial.ajax", "true");
            form.put("jakarta.faces.source", "search:do-search");
            form.put("jakarta.faces.partial.execute", "search");
            form.put("jakarta.faces.partial.render", "search messages");
            form.put("search:do-search", "search:do-search");
            form.put("search", "search");
            form.putAll(request.ajaxSearch());
            form.put("jakarta.faces.ViewState", viewState(page.body()));
            // PrimeFaces checks an Ajax request's CSP nonce against the page's, as its scripts send it
            Matcher nonce = NONCE.matcher(page.body());
            if (nonce.find()) {
                form.put("primefaces.nonce", nonce.group(1));
            }
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + request.path()))
                            .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                            .header("Faces-Request", "partial/ajax")
                            .header("X-Requested-With", "XMLHttpRequest")
                            .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(form)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            stats.record(name, System.nanoTime() - start);
            if (!response.body().contains("search:reports")) {
                stats.error(name, "no table in the answer");
                int error = response.body().indexOf("<error>");
                if (error >= 0 && stats.errors.getOrDefault(name + " → no table in the answer", 0L) == 1) {
                    Bench.log("  "
                            + response.body()
                                    .substring(error, Math.min(response.body().length(), error + 600)));
                }
            }
            return response;
        }

        /** A logged-in session: the login form posted as a browser does, the session cookie kept. */
        private HttpClient session(String user) throws Exception {
            HttpClient http = sessions.get(user);
            if (http != null) {
                return http;
            }
            http = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
            HttpResponse<String> login = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/login.xhtml"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Map<String, String> form = new LinkedHashMap<>();
            form.put("login", "login");
            form.put("login:username", user);
            form.put("login:password", user);
            form.put("login:submit", "");
            form.put("jakarta.faces.ViewState", viewState(login.body()));
            HttpResponse<String> landed = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/login.xhtml"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(form)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (landed.statusCode() != 200 || landed.uri().getPath().endsWith("login.xhtml")) {
                throw new IllegalStateException(
                        "login as " + user + " failed: " + landed.statusCode() + " " + landed.uri());
            }
            sessions.put(user, http);
            return http;
        }

        private static String viewState(String body) {
            Matcher m = VIEW_STATE.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("no view state in " + body.substring(0, Math.min(500, body.length())));
            }
            return m.group(1);
        }

        private static String urlEncoded(Map<String, String> form) {
            StringBuilder b = new StringBuilder();
            form.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&")
                    .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return b.toString();
        }
    }
}
