package org.charterledger.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * The JDK's HTTP client, HTTP/1.1 with keep-alive, as a website or a member government's system would call the
 * ledger: Basic authentication, JSON bodies, an Idempotency-Key on every command.
 */
final class Http {

    /** How long one request may take before it counts as failed. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newCachedThreadPool(r -> {
                Thread thread = new Thread(r, "http-client");
                thread.setDaemon(true);
                return thread;
            }))
            .build();

    /** One answer: its status, body and the ledger position it names, if any. */
    record Answer(int status, String body, long position) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final String base;
    private final String authorization;

    Http(String base, String user, String password) {
        this.base = base;
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpRequest get(String path) {
        return builder(path).GET().build();
    }

    /** A command with a fresh idempotency key. */
    HttpRequest post(String path, String json) {
        return post(path, json, UUID.randomUUID().toString());
    }

    HttpRequest post(String path, String json, String idempotencyKey) {
        HttpRequest.Builder builder = builder(path).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey);
        return builder.POST(json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    /** Sends a request and waits for the answer; an I/O failure or a timeout is thrown. */
    static Answer send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            long position = response.headers().firstValue("Ledger-Position").map(Long::parseLong).orElse(-1L);
            return new Answer(response.statusCode(), response.body(), position);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Sends a request the benchmark cannot go on without: anything but a 2xx stops it. */
    static Answer must(HttpRequest request) {
        try {
            Answer answer = send(request);
            if (!answer.ok()) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + answer.status()
                        + ": " + answer.body());
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        }
    }
}
