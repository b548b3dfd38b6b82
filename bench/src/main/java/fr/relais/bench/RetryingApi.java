package fr.relais.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API as a client that outlives a server's crash: each creating call carries an {@code
 * Idempotency-Key} made once and sent again with every retry; a call that got no answer (connection
 * refused or reset: status 0) or a gateway's or starting server's answer is sent again until the
 * server answers. A state-changing call without a key whose retry is refused (409: the first attempt
 * did commit, its answer was lost) is settled by reading the resource: when it shows the change made by
 * this caller, the call counts as done. Every acknowledged (2xx) state-changing call is recorded with its
 * key and the id it returned, for the harness to check against the database.
 */
final class RetryingApi extends Api {
    /** An acknowledged state-changing call; {@code key} null when the call takes none. */
    record Ack(String client, String call, String key, long id, boolean retried, boolean settled) {}

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern OPERATOR = Pattern.compile("\"operator\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern CHAT_REPORT = Pattern.compile("/chats/\\d+/report");
    private static final Pattern RESOURCE = Pattern.compile("(/(?:chats|reports)/\\d+)/.*");

    final Queue<Ack> acks = new ConcurrentLinkedQueue<>();
    /** Calls sent more than once. */
    final AtomicLong retried = new AtomicLong();
    /** Calls without a key settled by reading the resource after a refused retry. */
    final AtomicLong settled = new AtomicLong();
    /** Attempts that got no answer from the server. */
    final AtomicLong unanswered = new AtomicLong();
    /** Answers received while the server was starting, by call and status. */
    final Map<String, Long> startingAnswers = new ConcurrentSkipListMap<>();
    /** State-changing calls refused after a retry: what the server said. */
    final Queue<String> refusedAfterRetry = new ConcurrentLinkedQueue<>();
    /** Requests sent and not yet answered (or failed). */
    final AtomicInteger inFlight = new AtomicInteger();

    /** A server down longer than this is a failure, not an outage to wait out. */
    private static final java.time.Duration GIVE_UP = java.time.Duration.ofMinutes(15);

    private final long pauseMillis;
    /** Set by the harness from the kill until the restarted server is ready: 404s then mean "not deployed yet". */
    volatile boolean restarting;

    RetryingApi(String baseUrl, long pauseMillis) {
        super(baseUrl);
        this.pauseMillis = pauseMillis;
    }

    /** The paths whose POST takes an {@code Idempotency-Key}. */
    static boolean takesKey(String method, String path) {
        return "POST".equals(method)
                && ("/citizen/chats".equals(path) || CHAT_REPORT.matcher(path).matches());
    }

    @Override
    Reply call(Stats stats, String call, String method, String path, String json, String user, String... headers) {
        String key = null;
        String[] sent = headers;
        if (takesKey(method, path)) {
            key = UUID.randomUUID().toString();
            sent = Arrays.copyOf(headers, headers.length + 2);
            sent[headers.length] = "Idempotency-Key";
            sent[headers.length + 1] = key;
        }
        int attempts = 0;
        long giveUp = System.nanoTime() + GIVE_UP.toNanos();
        boolean unanswer = false;
        boolean unauthorised = false;
        Reply reply;
        while (true) {
            inFlight.incrementAndGet();
            try {
                reply = super.call(stats, call, method, path, json, user, sent);
            } finally {
                inFlight.decrementAndGet();
            }
            attempts++;
            int status = reply.status();
            if (status == 0 || status == 502 || status == 503 || status == 504) {
                unanswered.incrementAndGet();
                unanswer = true;
            } else if (status == 401 && user != null && !unauthorised) {
                // tokens signed before the restart with a key generated at start: a new one is fetched
                unauthorised = true;
            } else if (restarting && status / 100 != 2) {
                // a server still starting answers before the application is fully deployed (404, 403,
                // 500 seen): until the harness sees it ready, no refusal counts (a 2xx does)
                startingAnswers.merge(call + " → " + status, 1L, Long::sum);
                unanswer = true;
            } else if (status == 409 && reply.body().contains("idempotency_key_in_use")) {
                // the first attempt still runs on the server: its retry finds what it made
                unanswer = true;
            } else {
                break;
            }
            if (System.nanoTime() - giveUp > 0) {
                break;
            }
            pause();
        }
        boolean settledByRead = false;
        if (unanswer && key == null && !"GET".equals(method) && reply.status() == 409) {
            Reply read = settle(stats, call, method, path, user);
            if (read != null) {
                reply = read;
                settledByRead = true;
                settled.incrementAndGet();
            }
        }
        if (attempts > 1) {
            retried.incrementAndGet();
            if (!"GET".equals(method) && reply.status() / 100 != 2) {
                String body = reply.body();
                refusedAfterRetry.add(
                        call + " → " + reply.status() + " " + body.substring(0, Math.min(200, body.length())));
            }
        }
        if (!"GET".equals(method) && reply.status() / 100 == 2) {
            Matcher m = ID.matcher(reply.body());
            acks.add(new Ack(
                    Thread.currentThread().getName(),
                    call,
                    key,
                    m.find() ? Long.parseLong(m.group(1)) : -1,
                    attempts > 1,
                    settledByRead));
        }
        return reply;
    }

    /**
     * After a retry refused with 409: the resource as it is now, answered as the call would have been
     * when it shows the call's effect by this caller, else null (the refusal stands).
     */
    private Reply settle(Stats stats, String call, String method, String path, String user) {
        Matcher m = RESOURCE.matcher(path);
        if (!m.matches()) {
            return null;
        }
        Reply read = call(stats, call + " (settled by a read)", "GET", m.group(1), null, user);
        if (read.status() != 200) {
            return null;
        }
        String status = read.reportStatus();
        boolean done =
                switch (call) {
                    case LoadDriver.TAKE -> !"WAITING".equals(status) && user.equals(operator(read));
                    case LoadDriver.CLOSE -> "CLOSED".equals(status);
                    case LoadDriver.QUALIFY -> !"QUALIFYING".equals(status);
                    case LoadDriver.REVIEW -> !"QUALIFYING".equals(status)
                            && !"ANONYMISING".equals(status)
                            && !"IN_REVIEW".equals(status);
                    case LoadDriver.TAKE_OVER -> "TAKEN_OVER".equals(status) || "CLOSED".equals(status);
                    default -> false;
                };
        return done ? new Reply("POST".equals(method) && path.endsWith("/report") ? 201 : 200, read.body()) : null;
    }

    private static String operator(Reply reply) {
        Matcher m = OPERATOR.matcher(reply.body());
        return m.find() ? m.group(1) : "";
    }

    private void pause() {
        try {
            Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadDriver.Failed("client", "interrupted");
        }
    }
}
