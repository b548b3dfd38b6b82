package fr.relais.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live chat under load: how many new chats per second the server opens (closed loop), and how
 * long an operator's message takes to reach the citizen's socket with many conversations open at
 * once (each citizen connected by WebSocket, operators posting at a fixed rate over all of them).
 */
final class ChatDriver {
    static final String OPEN = "POST /citizen/chats (closed loop)";
    static final String OPEN_CONVERSATION = "POST /citizen/chats (setting up)";
    static final String TAKE = "POST /chats/{id}/take (setting up)";
    static final String POST = "POST /chats/{id}/messages (operator, from when due)";
    static final String DELIVERY = "delivery: operator's POST sent → citizen's socket";
    static final String SOCKET = "citizen's socket: connect + token → ready";

    private static final Pattern TEXT = Pattern.compile("\"text\"\\s*:\\s*\"m(\\d+)\"");
    private static final String READY = "\"ready\"";

    private ChatDriver() {}

    /** New chats opened by {@code threads} clients in a closed loop. */
    record Opening(Stats stats, long chats, double seconds) {
        double perSecond() {
            return chats / seconds;
        }
    }

    /** Deliveries with {@code conversations} open at once. */
    record Delivery(Stats stats, int conversations, long sent, long delivered, double seconds) {}

    static Opening newChats(Api api, int threads, Duration duration) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong opened = new AtomicLong();
        List<Future<Stats>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                Stats stats = new Stats();
                while (System.nanoTime() < end) {
                    Api.Reply reply = open(api, stats, OPEN);
                    if (reply.status() == 201) {
                        opened.incrementAndGet();
                    }
                }
                return stats;
            }));
        }
        Stats all = collect(pool, futures);
        return new Opening(all, opened.get(), (System.nanoTime() - start) / 1e9);
    }

    /**
     * Opens {@code conversations} chats, has them taken by the operators, connects a citizen's
     * socket to each, then posts operators' messages at {@code rate} per second over all of them for
     * {@code duration}; each message's delivery is timed from its POST to its arrival on the socket.
     */
    static Delivery delivery(String baseUrl, Api api, int conversations, double rate, Duration duration)
            throws Exception {
        Stats setup = new Stats();
        long[] chats = new long[conversations];
        String[] tokens = new String[conversations];
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> opening = new ArrayList<>();
        for (int i = 0; i < conversations; i++) {
            int n = i;
            opening.add(pool.submit(() -> {
                Stats one = new Stats();
                Api.Reply reply = open(api, one, OPEN_CONVERSATION);
                if (reply.status() != 201) {
                    throw new IllegalStateException("opening a chat: " + reply);
                }
                chats[n] = reply.id();
                tokens[n] = reply.chatToken();
                Api.Reply taken = api.call(one, TAKE, "POST", "/chats/" + chats[n] + "/take", null, operator(n));
                if (taken.status() != 200) {
                    throw new IllegalStateException("taking a chat: " + taken);
                }
                synchronized (setup) {
                    setup.merge(one);
                }
                return null;
            }));
        }
        for (Future<?> f : opening) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        long count = (long) (rate * duration.toNanos() / 1e9);
        AtomicLongArray sentAt = new AtomicLongArray((int) count);
        Stats stats = new Stats();
        stats.merge(setup);
        AtomicLong delivered = new AtomicLong();
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<WebSocket> sockets = new ArrayList<>();
        String wsBase = baseUrl.replaceFirst("^http", "ws") + "/ws/citizen/chats/";
        for (int i = 0; i < conversations; i++) {
            CompletableFuture<Void> ready = new CompletableFuture<>();
            long connecting = System.nanoTime();
            try {
                WebSocket socket = client.newWebSocketBuilder()
                        .buildAsync(URI.create(wsBase + chats[i]), new Citizen(ready, sentAt, stats, delivered))
                        .get(30, TimeUnit.SECONDS);
                socket.sendText(tokens[i], true).get(30, TimeUnit.SECONDS);
                ready.get(30, TimeUnit.SECONDS);
                synchronized (stats) {
                    stats.record(SOCKET, System.nanoTime() - connecting);
                }
                sockets.add(socket);
            } catch (ExecutionException | TimeoutException e) {
                // counted, and the run goes on without this conversation (its messages go undelivered)
                synchronized (stats) {
                    stats.error(
                            SOCKET,
                            String.valueOf(
                                    e.getCause() == null ? e : e.getCause().getMessage()));
                }
            }
        }

        ScheduledThreadPoolExecutor posting = new ScheduledThreadPoolExecutor(16);
        long period = (long) (1e9 / rate);
        long start = System.nanoTime() + 100_000_000L;
        for (int k = 0; k < count; k++) {
            int message = k;
            int conversation = k % conversations;
            long due = start + k * period;
            posting.schedule(
                    () -> {
                        Stats one = new Stats();
                        sentAt.set(message, System.nanoTime());
                        Api.Reply reply = api.call(
                                one,
                                "ignored",
                                "POST",
                                "/chats/" + chats[conversation] + "/messages",
                                "{\"text\":\"m" + message + "\"}",
                                operator(conversation));
                        long latency = System.nanoTime() - due;
                        synchronized (stats) {
                            stats.record(POST, latency);
                            if (reply.status() != 201) {
                                stats.error(POST, String.valueOf(reply.status()));
                            }
                        }
                    },
                    due - System.nanoTime(),
                    TimeUnit.NANOSECONDS);
        }
        posting.shutdown();
        posting.awaitTermination(duration.toSeconds() + 120, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (delivered.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (delivered.get() < count) {
            synchronized (stats) {
                for (long missing = delivered.get(); missing < count; missing++) {
                    stats.error(DELIVERY, "not delivered within 10 s");
                }
            }
        }
        for (WebSocket socket : sockets) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        return new Delivery(stats, conversations, count, delivered.get(), seconds);
    }

    private static Api.Reply open(Api api, Stats stats, String call) {
        Api.Reply reply = api.call(
                stats,
                call,
                "POST",
                "/citizen/chats",
                "{\"platform\":\"GENERALIST\",\"door\":\"INFORMATION\","
                        + "\"message\":\"Quels sont les horaires du commissariat ?\"}",
                null);
        if (reply.status() != 201) {
            stats.error(call, String.valueOf(reply.status()));
        }
        return reply;
    }

    private static String operator(int conversation) {
        return LoadDriver.OPERATORS[conversation % LoadDriver.OPERATORS.length];
    }

    private static Stats collect(ExecutorService pool, List<Future<Stats>> futures) throws InterruptedException {
        Stats all = new Stats();
        for (Future<Stats> f : futures) {
            try {
                all.merge(f.get());
            } catch (java.util.concurrent.ExecutionException e) {
                all.error("client", e.getCause().toString());
            }
        }
        pool.shutdown();
        return all;
    }

    /** A citizen's socket: "ready" once, then each operator's message, timed from its POST. */
    private static final class Citizen implements WebSocket.Listener {
        private final CompletableFuture<Void> ready;
        private final AtomicLongArray sentAt;
        private final Stats stats;
        private final AtomicLong delivered;
        private final StringBuilder partial = new StringBuilder();

        Citizen(CompletableFuture<Void> ready, AtomicLongArray sentAt, Stats stats, AtomicLong delivered) {
            this.ready = ready;
            this.sentAt = sentAt;
            this.stats = stats;
            this.delivered = delivered;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.nanoTime();
                String text = partial.toString();
                partial.setLength(0);
                Matcher m = TEXT.matcher(text);
                if (m.find()) {
                    long sent = sentAt.get(Integer.parseInt(m.group(1)));
                    synchronized (stats) {
                        stats.record(DELIVERY, now - sent);
                    }
                    delivered.incrementAndGet();
                } else if (text.contains(READY)) {
                    ready.complete(null);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            ready.completeExceptionally(new IllegalStateException("socket closed " + statusCode + " " + reason));
            return null;
        }
    }
}
