package org.charterledger.query.config;

import org.charterledger.events.DecisionReferenceUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Upcasters of events whose stored form changed, beside the one in {@link AxonConfig}. */
@Configuration(proxyBeanMethods = false)
class Upcasters {

    /** Reads subcommittee decisions recorded before they named their motion (revision 1). */
    @Bean
    DecisionReferenceUpcaster decisionReferenceUpcaster() {
        return new DecisionReferenceUpcaster();
    }
}
