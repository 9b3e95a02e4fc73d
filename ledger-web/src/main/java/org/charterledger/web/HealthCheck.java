package org.charterledger.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A container's health check that needs nothing but the Java runtime the service runs on (an image's base need not
 * have curl or wget): {@code java -cp '/app/libs/*' org.charterledger.web.HealthCheck URL} exits 0 when the URL,
 * the service's {@code /actuator/health/readiness}, answers 200 within three seconds, and 1 otherwise. It loads no
 * class of the service and none of its libraries, so it starts in a fraction of a second.
 */
public final class HealthCheck {

    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private HealthCheck() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java -cp ledger-web.jar org.charterledger.web.HealthCheck"
                    + " http://localhost:8081/actuator/health/readiness");
            System.exit(2);
        }
        System.exit(healthy(URI.create(args[0])) ? 0 : 1);
    }

    /** Whether {@code url} answers 200; a refused connection, a timeout or any other status is unhealthy. */
    static boolean healthy(URI url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                System.err.println(url + " answered " + response.statusCode());
            }
            return response.statusCode() == 200;
        } catch (IOException e) {
            System.err.println(url + ": " + e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
