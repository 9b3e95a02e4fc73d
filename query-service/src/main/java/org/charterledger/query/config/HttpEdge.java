package org.charterledger.query.config;

import org.charterledger.web.HttpBoundary;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Where a request enters ({@link HttpBoundary}, shared with the command service). */
@Configuration(proxyBeanMethods = false)
@Import(HttpBoundary.class)
class HttpEdge {

    @Bean
    HttpBoundary.Failure failure() {
        return new HttpBoundary.Failure("the ledger failed to answer this query", "the server failed to answer this request",
                "the ledger's database is unavailable; retry shortly");
    }
}
