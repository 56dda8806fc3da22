package dev.eventlog.client;

import dev.eventlog.core.domain.StoreUnavailableException;
import dev.eventlog.http.RequestBody;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one {@link ApiCall} and returns the API's answer, retrying what a later attempt may cure: a connection that
 * failed or broke, an attempt that timed out, 429 and every 5xx. Retrying is safe because every write carries its
 * events' final identities: an event stored by an attempt whose answer was lost comes back {@code existing}. When
 * the attempts or the deadline run out, the caller gets a {@link StoreUnavailableException} naming the last failure.
 */
final class RetryingTransport {

    private final HttpClient client;
    private final String base;
    private final RequestSigning signing;
    private final RetrySettings settings;
    private final int gzipAbove;

    RetryingTransport(HttpClient client, URI endpoint, RequestSigning signing, RetrySettings settings, int gzipAbove) {
        this.client = client;
        String text = endpoint.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.signing = signing;
        this.settings = settings;
        this.gzipAbove = gzipAbove;
    }

    /** The API's answer to {@code call}: any status but 429 and 5xx, which are retried. */
    Answer send(ApiCall call) {
        long start = System.nanoTime();
        long deadline = start + settings.deadline().toNanos();
        String lastFailure;
        for (int attempt = 1; ; attempt++) {
            Optional<String> retryAfter = Optional.empty();
            try {
                Answer answer = attempt(
                        call,
                        Duration.ofNanos(Math.max(
                                1, Math.min(settings.attemptTimeout().toNanos(), deadline - System.nanoTime()))));
                if (!retryable(answer.status())) {
                    return answer;
                }
                lastFailure = "HTTP " + answer.status() + " " + answer.bodyExcerpt();
                retryAfter = answer.retryAfter();
            } catch (IOException e) {
                lastFailure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("interrupted while waiting for " + call.describe(), e);
            }
            if (attempt >= settings.maxAttempts()) {
                throw unavailable(call, attempt, start, lastFailure);
            }
            Duration pause = settings.delays().before(attempt - 1, retryAfter);
            if (System.nanoTime() + pause.toNanos() >= deadline) {
                throw unavailable(call, attempt, start, lastFailure);
            }
            sleep(pause, call);
        }
    }

    private Answer attempt(ApiCall call, Duration timeout) throws IOException, InterruptedException {
        URI uri = URI.create(base + call.pathAndQuery());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json, application/problem+json");
        byte[] body = call.body() == null ? new byte[0] : call.body();
        if (call.body() != null) {
            headers.put("Content-Type", "application/json");
            if (body.length > gzipAbove) {
                body = RequestBody.gzip(body);
                headers.put("Content-Encoding", RequestBody.GZIP);
            }
        }
        signing.apply(request, call.method(), uri, headers, body);
        request.method(
                call.method(),
                call.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> response =
                client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(
                response.statusCode(),
                response.headers().firstValue("content-type"),
                response.headers().firstValue("retry-after"),
                response.headers().firstValue("x-amzn-errortype"),
                response.body() == null ? "" : response.body());
    }

    private static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    private static void sleep(Duration pause, ApiCall call) {
        try {
            Thread.sleep(pause.toMillis(), (int) (pause.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting to retry " + call.describe(), e);
        }
    }

    private static StoreUnavailableException unavailable(ApiCall call, int attempts, long start, String lastFailure) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new StoreUnavailableException(
                "the EventLog API did not accept " + call.describe() + " after " + attempts
                        + (attempts == 1 ? " attempt" : " attempts") + " in " + millis + " ms; last: " + lastFailure,
                null);
    }
}
