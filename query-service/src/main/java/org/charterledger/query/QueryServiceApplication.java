package org.charterledger.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The query side: tails the ledger's events, keeps the views and answers questions about them. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class QueryServiceApplication {

    public static void main(String[] args) {
        // A governments' ledger does not report usage to third parties; AXONIQ_UPDATE_CHECKER_DISABLED=false re-enables it.
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        try {
            SpringApplication.run(QueryServiceApplication.class, args);
        } catch (RuntimeException failedToStart) {
            // already logged by Spring Boot; do not linger with threads a failed start left behind
            System.exit(1);
        }
    }
}
