package org.charterledger.query.config;

import org.charterledger.query.LedgerIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page on an allowed origin calls the query API from a browser: its preflight is answered without credentials, and
 * the answer names its origin and exposes the ledger position; a page on any other origin is refused.
 */
@TestPropertySource(properties = "ledger.cors.allowed-origins=https://www.near.example")
// a context no other test class shares: closed after this class, so that its views' processors stop claiming the
// shared ledger's segments (as LoginThrottleIT's)
@DirtiesContext
class CorsIT extends LedgerIT {

    private static final String WEBSITE = "https://www.near.example";
    private final HttpClient client = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    private int port;

    @Test
    void theWebsitesPreflightIsAnsweredWithoutCredentials() throws Exception {
        HttpResponse<String> answer = send(preflight(WEBSITE));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue(WEBSITE);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization", "x-request-id");
    }

    @Test
    void theWebsitesReadNamesItsOriginAndExposesThePosition() throws Exception {
        HttpResponse<String> answer = send(request("/api/members").header("Origin", WEBSITE)
                .header("Authorization", basic("reader", "test-reader")).GET());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue(WEBSITE);
        assertThat(answer.headers().firstValue("Access-Control-Expose-Headers").orElse(""))
                .contains(LedgerPosition.HEADER, "X-Request-Id");
    }

    @Test
    void anotherOriginIsRefused() throws Exception {
        HttpResponse<String> answer = send(preflight("https://elsewhere.example"));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(answer.body()).get("field").asText()).isEqualTo("Origin");
        assertThat(json.readTree(answer.body()).get("rule").asText()).isEqualTo("allowed-origin");
    }

    private HttpRequest.Builder preflight(String origin) {
        return request("/api/members").header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization, x-request-id")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
