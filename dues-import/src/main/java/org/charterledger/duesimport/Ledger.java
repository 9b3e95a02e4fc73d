package org.charterledger.duesimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.OptionalLong;

/**
 * The command service's dues-payment API, {@code POST /api/members/{member}/dues-payments}, as the Secretariat's
 * user (HTTP Basic) with an {@code Idempotency-Key} per payment. A request the ledger is too busy for, or cannot
 * store while its database is away (503), is sent again with the same key after its {@code Retry-After}: the ledger
 * applies a key once, so a retry never records a payment twice.
 */
final class Ledger {

    static final int ATTEMPTS = 4;
    private static final long MAX_RETRY_WAIT_SECONDS = 10;

    /** What the ledger answered to one payment. */
    sealed interface Outcome permits Recorded, Refused, Failed {
    }

    /** Accepted (201); {@code replayed} when the same key was recorded before (header Idempotent-Replayed). */
    record Recorded(String paymentId, long position, boolean replayed) implements Outcome {
    }

    /**
     * Refused by the ledger with a problem (RFC 9457): its type, field, rule, article (where the charter states one)
     * and detail. Nothing was appended.
     */
    record Refused(int status, String type, String field, String rule, String article, String detail)
            implements Outcome {
    }

    /**
     * No answer about the payment: the ledger unreachable, an error of its own, or an answer that is not the API's.
     * {@code stop} when no later row could fare better (refused credentials, no server at the address).
     */
    record Failed(String reason, boolean stop) implements Outcome {
    }

    private final HttpClient http;
    private final URI base;
    private final String authorization;
    private final ObjectMapper json = new ObjectMapper();
    private final Sleeper sleeper;

    /** Waits between attempts; the tests' ledger never asks for a retry. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    Ledger(URI base, String user, char[] password) {
        this(base, user, password, duration -> Thread.sleep(duration.toMillis()));
    }

    Ledger(URI base, String user, char[] password, Sleeper sleeper) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + new String(password)).getBytes(StandardCharsets.UTF_8));
        this.sleeper = sleeper;
    }

    Outcome submit(Payment payment) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(base.resolve("/api/members/" + payment.member().value() + "/dues-payments"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, application/problem+json")
                    .header("Idempotency-Key", payment.idempotencyKey())
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(payment.body())))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a payment's body is always JSON", e);
        }
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (ConnectException e) {
                return new Failed("no command service at " + base + " (" + e.getMessage() + ")", true);
            } catch (HttpTimeoutException e) {
                return new Failed("no answer from " + base + " in time: run the file again, a recorded row is"
                        + " answered as already recorded", false);
            } catch (IOException e) {
                return new Failed("the connection to " + base + " failed: " + e, false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Failed("interrupted", true);
            }
            if (response.statusCode() == 503 && attempt < ATTEMPTS) {
                try {
                    sleeper.sleep(Duration.ofSeconds(retryAfter(response).orElse(1)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Failed("interrupted", true);
                }
                continue;
            }
            return outcome(response);
        }
    }

    private static OptionalLong retryAfter(HttpResponse<?> response) {
        try {
            return response.headers().firstValue("Retry-After")
                    .map(seconds -> OptionalLong.of(Math.min(Math.max(Long.parseLong(seconds.strip()), 1),
                            MAX_RETRY_WAIT_SECONDS)))
                    .orElse(OptionalLong.empty());
        } catch (NumberFormatException dateNotSeconds) {
            return OptionalLong.empty();
        }
    }

    private Outcome outcome(HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (JsonProcessingException e) {
            body = null;
        }
        if (status == 201 && body != null && body.hasNonNull("id") && body.hasNonNull("position")) {
            boolean replayed = response.headers().firstValue("Idempotent-Replayed").map("true"::equalsIgnoreCase)
                    .orElse(false);
            return new Recorded(body.get("id").asText(), body.get("position").asLong(), replayed);
        }
        boolean problem = body != null && body.isObject() && response.headers().firstValue("Content-Type")
                .map(type -> type.startsWith("application/problem+json")).orElse(false);
        if (status == 401 || status == 403 || status == 429) {
            String detail = problem ? text(body, "detail") : "HTTP " + status;
            return new Failed((status == 403 ? "the user may not record payments: " : "the ledger refused the login: ")
                    + detail, true);
        }
        if (problem && status >= 400 && status < 500) {
            String type = text(body, "type");
            return new Refused(status, type == null ? null : type.substring(type.lastIndexOf(':') + 1),
                    text(body, "field"), text(body, "rule"), text(body, "article"), text(body, "detail"));
        }
        return new Failed("the ledger answered " + status + (problem ? ": " + text(body, "detail") : ""), status == 404);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
