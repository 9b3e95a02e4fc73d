package org.charterledger.command.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.util.UUID;

import static org.charterledger.web.testing.ProblemAssertions.assertThrottled;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logins over HTTP: user names are exact, and failed logins are throttled per user and per client address (every
 * request here comes from one address). The tests share one throttle, so they run in order; the limits are set
 * here, which also gives this class an application context, and a throttle, of its own.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.security.login-throttle.failures-per-user=5",
        "ledger.security.login-throttle.failures-per-address=20",
        "ledger.security.login-throttle.window=1m"})
@ActiveProfiles({"postgres", "test"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// a context no other test class shares: closed after this class, so that its pool's connections are freed
@DirtiesContext
class LoginThrottleIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    @Order(1)
    void userNamesAreCaseSensitive() {
        String id = newId();

        assertThat(admit("Secretariat", "test-secretariat", id).getStatusCode().value()).isEqualTo(401);
        assertThat(admit("SECRETARIAT", "test-secretariat", id).getStatusCode().value()).isEqualTo(401);
        assertThat(eventsOf(id)).isZero();
        assertThat(admit("secretariat", "test-secretariat", id).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    @Order(2)
    void failedLoginsAreThrottledPerUserThenPerAddress() throws Exception {
        // two failures from this address so far (the test above)
        String id = newId();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(admit("secretariat", "guess-" + attempt, id).getStatusCode().value()).isEqualTo(401);
        }

        // the user is held back, even with the right password, and nothing is appended
        assertThrottled(admit("secretariat", "test-secretariat", id));
        assertThat(eventsOf(id)).isZero();
        // another user from the same address is not (7 failures of 20): authenticated, though not allowed to admit
        assertThat(admit("reader", "test-reader", id).getStatusCode().value()).isEqualTo(403);

        for (int attempt = 8; attempt <= 20; attempt++) {
            assertThat(admit("nobody-" + attempt, "guess", id).getStatusCode().value()).isEqualTo(401);
        }
        // now the address is held back, whoever logs in from it
        assertThrottled(admit("reader", "test-reader", id));
        assertThrottled(admit("nobody-21", "guess", id));
        assertThat(eventsOf(id)).isZero();
    }


    private long eventsOf(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM ledger.domain_event_entry WHERE aggregate_identifier = ?").param(id)
                .query(Long.class).single();
    }

    private ResponseEntity<String> admit(String user, String password, String id) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", UUID.randomUUID().toString());
        String body = """
                {"id": "%s", "country": "KR", "name": "Throttled Province", "category": "OBSERVER",
                 "admittedOn": "2021-01-01", "basis": "OPENING_BALANCE"}""".formatted(id);
        return http.withBasicAuth(user, password)
                .postForEntity("/api/members", new HttpEntity<>(body, headers), String.class);
    }

    private static String newId() {
        return "KR-LT" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }
}
