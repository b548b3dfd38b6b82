package fr.relais.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Authenticated API calls per second against a running Relais (a measure, not a test): {@code GET
 * /api/v1/me} for a while from a few threads, with a bearer token, or with Basic. Run with the JDK
 * alone, against the run command's server:
 *
 * <pre>
 * java web/src/test/java/fr/relais/bench/AuthenticatedCallsBenchmark.java http://localhost:18080 token 20 4
 * java web/src/test/java/fr/relais/bench/AuthenticatedCallsBenchmark.java http://localhost:18080 basic 20 4
 * </pre>
 *
 * Basic without the credentials cache (as before tokens existed): start the server with {@code
 * RELAIS_BASIC_CACHE_SECONDS=0}.
 */
public final class AuthenticatedCallsBenchmark {
    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        String mode = args.length > 1 ? args[1] : "token";
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        String user = System.getProperty("user", "operateur");
        String password = System.getProperty("password", user);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String basic =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        String authorization = basic;
        if (mode.equals("token")) {
            HttpResponse<String> issued = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                            .header("Authorization", basic)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token =
                    Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(issued.body());
            if (!token.find()) {
                throw new IllegalStateException("no token: " + issued.statusCode() + " " + issued.body());
            }
            authorization = "Bearer " + token.group(1);
        }
        HttpRequest me = HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .build();
        // warm-up
        long warmUntil = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < warmUntil) {
            client.send(me, HttpResponse.BodyHandlers.discarding());
        }
        List<Integer> errors = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    HttpResponse<Void> response = client.send(me, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 200) {
                        errors.add(response.statusCode());
                        continue;
                    }
                    latencies.add(System.nanoTime() - start);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : results) {
            all.addAll(f.get());
        }
        pool.shutdown();
        Collections.sort(all);
        System.out.printf(
                "%s: %d threads, %d s: %.1f calls/s, p50 %.1f ms, p95 %.1f ms (%d calls, refused: %s)%n",
                mode,
                threads,
                seconds,
                all.size() / (double) seconds,
                all.get(all.size() / 2) / 1e6,
                all.get((int) (all.size() * 0.95)) / 1e6,
                all.size(),
                errors.stream()
                        .collect(java.util.stream.Collectors.groupingBy(
                                e -> e, java.util.stream.Collectors.counting())));
    }
}
