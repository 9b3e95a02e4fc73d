package org.charterledger.command.config;

import org.charterledger.web.HttpBoundary;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Where a request enters ({@link HttpBoundary}, shared with the query service); a failure says nothing was appended. */
@Configuration(proxyBeanMethods = false)
@Import(HttpBoundary.class)
class HttpEdge {

    @Bean
    HttpBoundary.Failure failure() {
        return new HttpBoundary.Failure("the ledger failed to handle this request; nothing was appended",
                "the server failed to handle this request; nothing was appended",
                "the ledger's database is unavailable; retry with the same Idempotency-Key, which applies the request"
                        + " once");
    }
}
