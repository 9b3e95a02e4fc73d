package org.charterledger.query.config;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import org.charterledger.query.LedgerIT;
import org.charterledger.web.testing.CommittedDocument;
import org.charterledger.web.testing.ContractValidation;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query service's OpenAPI document is the committed one (docs/openapi/query-service.json), which clients are
 * generated from and every answer of the integration tests is checked against; and that check refuses an answer
 * the document does not describe.
 */
class OpenApiContractIT extends LedgerIT {

    @Test
    void theServedDocumentIsTheCommittedOne() throws Exception {
        ResponseEntity<String> served = http.getForEntity("/v3/api-docs", String.class);

        assertThat(served.getStatusCode().value()).isEqualTo(200);
        CommittedDocument.assertCommitted(served.getBody(), "query-service");
    }

    @Test
    void anAnswerTheDocumentDoesNotDescribeIsRefused() {
        OpenApiInteractionValidator contract = ContractValidation.validatorFor(
                Path.of(System.getProperty(ContractValidation.DOCUMENT)));
        HttpHeaders positioned = new HttpHeaders();
        positioned.setContentType(MediaType.APPLICATION_JSON);
        positioned.set("Ledger-Position", "285");
        HttpHeaders unpositioned = new HttpHeaders();
        unpositioned.setContentType(MediaType.APPLICATION_JSON);
        String rights = """
                {"id": "MN-ULAANBAATAR", "name": "Ulaanbaatar", "country": "MN", "category": "MEMBER",
                 "mayVote": %s, "mayStandAndElect": true, "reason": null, "articles": [], "restriction": null}""";

        assertThat(ContractValidation.problems(contract, "GET", "/api/rights/MN-ULAANBAATAR", 200, positioned,
                rights.formatted("true"))).isEmpty();
        assertThat(ContractValidation.problems(contract, "GET", "/api/rights/MN-ULAANBAATAR", 200, positioned,
                rights.formatted("\"yes\""))).contains("mayVote");
        assertThat(ContractValidation.problems(contract, "GET", "/api/rights/MN-ULAANBAATAR", 200, unpositioned,
                rights.formatted("true"))).contains("Ledger-Position");
        assertThat(ContractValidation.problems(contract, "GET", "/api/rights/MN-ULAANBAATAR", 200, positioned,
                rights.formatted("true").replace("}", ", \"votes\": 1}"))).contains("votes");
        assertThat(ContractValidation.problems(contract, "GET", "/api/rights", 404, positioned, "{}")).isNotEmpty();
    }
}
