package fr.relais.forwarding.control;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs a delivery to a unit's system, bounded in time: connecting may take {@code connectTimeout}, the
 * whole answer {@code readTimeout} more, after which the call is abandoned. No redirect is followed.
 */
public final class UnitSystemClient {
    /** What one call came to: 2xx delivered; 408, 429, 5xx and network failures worth retrying; the rest not. */
    public enum Verdict {
        DELIVERED,
        RETRY,
        REFUSED
    }

    public record Outcome(Verdict verdict, String code) {}

    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    public UnitSystemClient(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Outcome post(String url, String body, String idempotencyKey, String timestamp, String signature) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(readTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header(DeliverySignature.IDEMPOTENCY_HEADER, idempotencyKey)
                .header(DeliverySignature.TIMESTAMP_HEADER, timestamp)
                .header(DeliverySignature.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        CompletableFuture<HttpResponse<Void>> call = client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            // the request timeout covers the headers; this bounds the whole exchange, body included
            int status = call.get(connectTimeout.plus(readTimeout).toMillis(), TimeUnit.MILLISECONDS)
                    .statusCode();
            return classify(status);
        } catch (TimeoutException e) {
            call.cancel(true);
            return new Outcome(Verdict.RETRY, "TIMEOUT");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                return new Outcome(Verdict.RETRY, "TIMEOUT");
            }
            if (cause instanceof ConnectException) {
                return new Outcome(Verdict.RETRY, "UNREACHABLE");
            }
            if (cause instanceof IOException) {
                return new Outcome(Verdict.RETRY, "NETWORK_ERROR");
            }
            return new Outcome(Verdict.RETRY, "CLIENT_ERROR");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            return new Outcome(Verdict.RETRY, "INTERRUPTED");
        }
    }

    /** The verdict on an HTTP status. */
    public static Outcome classify(int status) {
        String code = "HTTP_" + status;
        if (status >= 200 && status < 300) {
            return new Outcome(Verdict.DELIVERED, code);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new Outcome(Verdict.RETRY, code);
        }
        return new Outcome(Verdict.REFUSED, code);
    }
}
