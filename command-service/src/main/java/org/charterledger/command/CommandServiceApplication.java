package org.charterledger.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The command side: accepts governance acts over HTTP and appends them as events to the ledger. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommandServiceApplication {

    public static void main(String[] args) {
        // A governments' ledger does not report usage to third parties; AXONIQ_UPDATE_CHECKER_DISABLED=false re-enables it.
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        try {
            SpringApplication.run(CommandServiceApplication.class, args);
        } catch (RuntimeException failedToStart) {
            // already logged by Spring Boot; do not linger with threads a failed start left behind
            System.exit(1);
        }
    }
}
