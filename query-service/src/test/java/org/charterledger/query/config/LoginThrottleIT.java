package org.charterledger.query.config;

import org.charterledger.query.LedgerIT;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.charterledger.web.testing.ProblemAssertions.assertThrottled;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logins over HTTP: user names are exact, and failed logins are throttled per user and per client address (every
 * request here comes from one address). The tests share one throttle, so they run in order; the limits are set
 * here, which also gives this class an application context, and a throttle, of its own.
 */
@TestPropertySource(properties = {
        "ledger.security.login-throttle.failures-per-user=5",
        "ledger.security.login-throttle.failures-per-address=20",
        "ledger.security.login-throttle.window=1m"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// a context no other test class shares: closed after this class, so that its pool's connections are freed
@DirtiesContext
class LoginThrottleIT extends LedgerIT {

    @Test
    @Order(1)
    void userNamesAreCaseSensitive() {
        assertThat(members("Reader", "test-reader").getStatusCode().value()).isEqualTo(401);
        assertThat(members("READER", "test-reader").getStatusCode().value()).isEqualTo(401);
        assertThat(members("reader", "test-reader").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void failedLoginsAreThrottledPerUserThenPerAddress() throws Exception {
        // two failures from this address so far (the test above)
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(members("reader", "guess-" + attempt).getStatusCode().value()).isEqualTo(401);
        }

        // the user is held back, even with the right password
        assertThrottled(members("reader", "test-reader"));
        // another user from the same address is not (7 failures of 20)
        assertThat(members("auditor", "test-auditor").getStatusCode().value()).isEqualTo(200);

        for (int attempt = 8; attempt <= 20; attempt++) {
            assertThat(members("nobody-" + attempt, "guess").getStatusCode().value()).isEqualTo(401);
        }
        // now the address is held back, whoever logs in from it
        assertThrottled(members("auditor", "test-auditor"));
        assertThrottled(members("nobody-21", "guess"));
    }

    private ResponseEntity<String> members(String user, String password) {
        return http.withBasicAuth(user, password).getForEntity("/api/members", String.class);
    }
}
