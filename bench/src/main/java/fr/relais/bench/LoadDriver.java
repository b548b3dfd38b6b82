package fr.relais.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Complete report lifecycles over the API, from the citizen's chat to the unit's take-over and the
 * chat's closing, by {@code threads} clients in a closed loop: each thread starts its next
 * lifecycle when the last one ends. Calls of lifecycles started during the warm-up are not
 * recorded; lifecycles/s counts those completed inside the measured window.
 *
 * <p>With several instances, the clients are spread over them round-robin (client {@code t} on
 * instance {@code t mod n}, as a balancer would); a client whose instance stops answering (a
 * transport failure, not an HTTP status) moves to the next one and sends the call again there.
 */
final class LoadDriver {
    static final String OPEN_CHAT = "POST /citizen/chats";
    static final String TAKE = "POST /chats/{id}/take";
    static final String REPORT = "POST /chats/{id}/report";
    static final String QUALIFY = "PUT /reports/{id}/qualification";
    static final String POLL = "GET /reports/{id} (poll)";
    static final String JOB_ANONYMISATION = "job: qualification → IN_REVIEW";
    static final String REVIEW = "POST /reports/{id}/review";
    static final String JOB_COMPETENCE = "job: review → FORWARDED";
    static final String TAKE_OVER = "POST /reports/{id}/take-over";
    static final String CLOSE = "POST /chats/{id}/close";
    static final String LIFECYCLE = "lifecycle (all of the above)";
    static final String OPEN_CHAT_PACED = "POST /citizen/chats, paced";
    static final List<String> ORDER = List.of(
            Api.TOKENS,
            OPEN_CHAT,
            TAKE,
            REPORT,
            QUALIFY,
            POLL,
            JOB_ANONYMISATION,
            REVIEW,
            JOB_COMPETENCE,
            TAKE_OVER,
            CLOSE,
            LIFECYCLE);

    static final String[] OPERATORS = {"operateur", "operateur2"};
    static final String UNIT_AGENT = "agent-guyancourt";
    static final Duration JOB_TIMEOUT = Duration.ofSeconds(30);

    private final List<Api> apis;
    private final List<String> operators;
    private final int threads;
    private final int pollMillis;
    private final Duration jobTimeout;
    private volatile boolean measuring;
    private volatile boolean stopped;
    /** No new lifecycle starts; those under way finish. */
    private volatile boolean draining;

    private final AtomicLong completedInWindow = new AtomicLong();
    private final AtomicLong failovers = new AtomicLong();
    private final ConcurrentLinkedQueue<Lifecycle> lifecycles = new ConcurrentLinkedQueue<>();

    /** One lifecycle of a client: when it started and ended (nanoTime), and how (null: completed). */
    record Lifecycle(long start, long end, String failure) {}

    /** What a run through an instance's death showed. */
    record ThroughKill(
            Stats stats, long killedAt, long drainedAt, List<Lifecycle> lifecycles, long failovers, Stats warmup) {}

    /** Measured results: calls of lifecycles started in the window, completions within it. */
    record Result(Stats stats, long completed, double seconds, Stats warmup) {
        double lifecyclesPerSecond() {
            return completed / seconds;
        }
    }

    /** Called by the driver when the window opens and closes (database counters). */
    interface Window {
        void opened();

        void closed();
    }

    LoadDriver(Api api, int threads, int pollMillis) {
        this(List.of(api), threads, pollMillis, JOB_TIMEOUT);
    }

    /** {@code jobTimeout}: how long a client waits for the engine's job (the crash harness's outlives an outage). */
    LoadDriver(Api api, int threads, int pollMillis, Duration jobTimeout) {
        this(List.of(api), threads, pollMillis, jobTimeout);
    }

    /**
     * @param apis the instances, clients spread over them round-robin
     * @param jobTimeout how long a client waits for an engine's job before it gives up on the lifecycle
     */
    LoadDriver(List<Api> apis, int threads, int pollMillis, Duration jobTimeout) {
        this(apis, List.of(OPERATORS), threads, pollMillis, jobTimeout);
    }

    /**
     * @param operators the operators' accounts, client {@code t} working as operator {@code t mod n}
     */
    LoadDriver(List<Api> apis, List<String> operators, int threads, int pollMillis, Duration jobTimeout) {
        this.apis = List.copyOf(apis);
        this.operators = List.copyOf(operators);
        this.threads = threads;
        this.pollMillis = pollMillis;
        this.jobTimeout = jobTimeout;
    }

    /**
     * Clients drive lifecycles for {@code warmup}, then {@code beforeKill} measured, then {@code kill}
     * runs (an instance dies) and they go on for {@code afterKill}; then no new lifecycle starts and
     * those under way finish (each may wait up to the job timeout). Every lifecycle is kept with its
     * start, end and outcome.
     */
    ThroughKill runThroughKill(Duration warmup, Duration ramp, Duration beforeKill, Runnable kill, Duration afterKill)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Stats measuredStats = new Stats();
        Stats warmupStats = new Stats();
        List<Stats> perThread = new ArrayList<>();
        List<Stats> perThreadWarmup = new ArrayList<>();
        long rampMillis = ramp.toMillis() / threads;
        for (int t = 0; t < threads; t++) {
            long delay = t * rampMillis;
            Stats m = new Stats();
            Stats w = new Stats();
            perThread.add(m);
            perThreadWarmup.add(w);
            String operator = operators.get(t % operators.size());
            Client client = new Client(t % apis.size());
            pool.submit(() -> {
                sleep(delay);
                loop(client, operator, m, w);
            });
        }
        Thread.sleep(warmup.toMillis());
        measuring = true;
        Thread.sleep(beforeKill.toMillis());
        long killedAt = System.nanoTime();
        kill.run();
        Thread.sleep(afterKill.toMillis());
        draining = true;
        pool.shutdown();
        if (!pool.awaitTermination(jobTimeout.toSeconds() + 120, TimeUnit.SECONDS)) {
            stopped = true;
            pool.shutdownNow();
        }
        long drainedAt = System.nanoTime();
        perThread.forEach(measuredStats::merge);
        perThreadWarmup.forEach(warmupStats::merge);
        return new ThroughKill(
                measuredStats, killedAt, drainedAt, List.copyOf(lifecycles), failovers.get(), warmupStats);
    }

    Result run(Duration warmup, Duration ramp, Duration measured, Window window) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Stats> measuredStats = new ArrayList<>();
        List<Stats> warmupStats = new ArrayList<>();
        List<Future<?>> running = new ArrayList<>();
        // clients arrive over the ramp (half the warm-up by default), not all in the same millisecond:
        // a burst of cold first requests at once exhausted the server's connection pool (see the README)
        long rampMillis = ramp.toMillis() / threads;
        for (int t = 0; t < threads; t++) {
            long delay = t * rampMillis;
            Stats m = new Stats();
            Stats w = new Stats();
            measuredStats.add(m);
            warmupStats.add(w);
            String operator = operators.get(t % operators.size());
            Client client = new Client(t % apis.size());
            running.add(pool.submit(() -> {
                sleep(delay);
                loop(client, operator, m, w);
            }));
        }
        Thread.sleep(warmup.toMillis());
        window.opened();
        long opened = System.nanoTime();
        measuring = true;
        Thread.sleep(measured.toMillis());
        stopped = true;
        double seconds = (System.nanoTime() - opened) / 1e9;
        long completed = completedInWindow.get();
        window.closed();
        pool.shutdown();
        if (!pool.awaitTermination(jobTimeout.toSeconds() + 30, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        Stats all = new Stats();
        measuredStats.forEach(all::merge);
        Stats allWarmup = new Stats();
        warmupStats.forEach(allWarmup::merge);
        return new Result(all, completed, seconds, allWarmup);
    }

    private void loop(Client api, String operator, Stats measured, Stats warmup) {
        while (!stopped && !draining) {
            Stats stats = measuring ? measured : warmup;
            long start = System.nanoTime();
            try {
                lifecycle(api, operator, stats);
                if (!stopped) {
                    stats.record(LIFECYCLE, System.nanoTime() - start);
                    lifecycles.add(new Lifecycle(start, System.nanoTime(), null));
                    if (measuring) {
                        completedInWindow.incrementAndGet();
                    }
                }
            } catch (Failed f) {
                if (!stopped) {
                    stats.error(f.call, f.status);
                    lifecycles.add(new Lifecycle(start, System.nanoTime(), f.call + " → " + f.status));
                }
            } catch (RuntimeException e) {
                if (!stopped) {
                    stats.error("client", e.toString());
                    lifecycles.add(new Lifecycle(start, System.nanoTime(), e.toString()));
                }
            }
        }
    }

    /** One client's instance; on a transport failure it moves to the next instance and sends the call again. */
    private final class Client {
        private int instance;

        Client(int instance) {
            this.instance = instance;
        }

        Api.Reply call(Stats s, String call, String method, String path, String json, String user) {
            Api.Reply reply = apis.get(instance).call(s, call, method, path, json, user);
            if (reply.status() == 0 && apis.size() > 1) {
                instance = (instance + 1) % apis.size();
                failovers.incrementAndGet();
                reply = apis.get(instance).call(s, call, method, path, json, user);
            }
            return reply;
        }
    }

    /** One complete lifecycle on the first instance; throws {@link Failed} at the first unexpected answer. */
    void lifecycle(String operator, Stats s) {
        lifecycle(new Client(0), operator, s);
    }

    private void lifecycle(Client api, String operator, Stats s) {
        long chat = expect(
                        s,
                        OPEN_CHAT,
                        201,
                        api.call(
                                s,
                                OPEN_CHAT,
                                "POST",
                                "/citizen/chats",
                                "{\"platform\":\"GENERALIST\",\"door\":\"VICTIM\",\"topic\":\"harcelement\","
                                        + "\"message\":\"Bonjour, je voudrais signaler des faits.\"}",
                                null))
                .id();
        expect(s, TAKE, 200, api.call(s, TAKE, "POST", "/chats/" + chat + "/take", null, operator));
        long report = expect(s, REPORT, 201, api.call(s, REPORT, "POST", "/chats/" + chat + "/report", null, operator))
                .id();
        long qualified = System.nanoTime();
        expect(
                s,
                QUALIFY,
                200,
                api.call(
                        s,
                        QUALIFY,
                        "PUT",
                        "/reports/" + report + "/qualification",
                        "{\"category\":\"HARASSMENT\",\"postalCode\":\"78280\",\"commune\":\"Guyancourt\","
                                + "\"factsAt\":\"2026-11-20T21:00:00Z\",\"urgency\":\"NORMAL\",\"anonymous\":true,"
                                + "\"narrative\":\"Marie Durand, joignable au 06 12 34 56 78, est harcelée chaque "
                                + "soir par son voisin du 12 rue des Lilas.\"}",
                        operator));
        await(api, s, operator, report, "IN_REVIEW", qualified, JOB_ANONYMISATION);
        long reviewed = System.nanoTime();
        expect(s, REVIEW, 200, api.call(s, REVIEW, "POST", "/reports/" + report + "/review", "{}", operator));
        await(api, s, operator, report, "FORWARDED", reviewed, JOB_COMPETENCE);
        expect(
                s,
                TAKE_OVER,
                200,
                api.call(s, TAKE_OVER, "POST", "/reports/" + report + "/take-over", null, UNIT_AGENT));
        expect(
                s,
                CLOSE,
                200,
                api.call(s, CLOSE, "POST", "/chats/" + chat + "/close", "{\"outcome\":\"REPORT\"}", operator));
    }

    /**
     * Polls the report until the engine's job brings it to {@code status}; records the time from the
     * request that caused the job to the answer that shows its result. Polls back off from {@code
     * pollMillis} to 100 ms so that waiting clients do not load the server more than working ones.
     */
    private void await(Client api, Stats s, String operator, long report, String status, long since, String job) {
        long deadline = since + jobTimeout.toNanos();
        long pause = pollMillis;
        while (!stopped) {
            sleep(pause);
            pause = Math.min(100, pause + pollMillis);
            Api.Reply reply = expect(s, POLL, 200, api.call(s, POLL, "GET", "/reports/" + report, null, operator));
            if (status.equals(reply.reportStatus())) {
                s.record(job, System.nanoTime() - since);
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new Failed(job, "timeout (still " + reply.reportStatus() + ")");
            }
        }
        throw new Failed(job, "stopped");
    }

    /**
     * New chats opened at a fixed rate (open loop, as citizens arrive), whatever the server's
     * answers: latency counts from when each request was due, so a slow server cannot hide its delay
     * by slowing the arrivals down (no coordinated omission).
     */
    static Stats pacedChats(Api api, double perSecond, Duration duration) throws InterruptedException {
        Stats stats = new Stats();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(16);
        long period = (long) (1e9 / perSecond);
        long count = (long) (duration.toNanos() / period);
        long start = System.nanoTime() + 100_000_000L;
        for (long i = 0; i < count; i++) {
            long due = start + i * period;
            pool.schedule(
                    () -> {
                        Stats one = new Stats();
                        Api.Reply reply = api.call(
                                one,
                                "ignored",
                                "POST",
                                "/citizen/chats",
                                "{\"platform\":\"GENERALIST\",\"door\":\"INFORMATION\","
                                        + "\"message\":\"Quels sont les horaires du commissariat ?\"}",
                                null);
                        long latency = System.nanoTime() - due;
                        synchronized (stats) {
                            stats.record(OPEN_CHAT_PACED, latency);
                            if (reply.status() != 201) {
                                stats.error(OPEN_CHAT_PACED, String.valueOf(reply.status()));
                            }
                        }
                    },
                    due - System.nanoTime(),
                    TimeUnit.NANOSECONDS);
        }
        pool.shutdown();
        if (!pool.awaitTermination(duration.toSeconds() + 120, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        return stats;
    }

    private static Api.Reply expect(Stats s, String call, int status, Api.Reply reply) {
        if (reply.status() != status) {
            throw new Failed(call, String.valueOf(reply.status()));
        }
        return reply;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("client", "interrupted");
        }
    }

    static final class Failed extends RuntimeException {
        final String call;
        final String status;

        Failed(String call, String status) {
            super(call + " → " + status, null, false, false);
            this.call = call;
            this.status = status;
        }
    }
}
