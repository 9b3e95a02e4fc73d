package org.charterledger.command.config;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import org.charterledger.web.testing.CommittedDocument;
import org.charterledger.web.testing.ContractValidation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command service's OpenAPI document is the committed one (docs/openapi/command-service.json), which clients are
 * generated from and every answer of the integration tests is checked against; and that check refuses an answer
 * the document does not describe.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class OpenApiContractIT {

    @Autowired
    TestRestTemplate http;

    @Test
    void theServedDocumentIsTheCommittedOne() throws Exception {
        ResponseEntity<String> served = http.getForEntity("/v3/api-docs", String.class);

        assertThat(served.getStatusCode().value()).isEqualTo(200);
        CommittedDocument.assertCommitted(served.getBody(), "command-service");
    }

    @Test
    void anAnswerTheDocumentDoesNotDescribeIsRefused() {
        OpenApiInteractionValidator contract = ContractValidation.validatorFor(
                Path.of(System.getProperty(ContractValidation.DOCUMENT)));
        HttpHeaders receipt = new HttpHeaders();
        receipt.setContentType(MediaType.APPLICATION_JSON);
        receipt.set("Ledger-Position", "285");
        receipt.set("Location", "/api/members/MN-ULAANBAATAR");
        HttpHeaders withoutPosition = new HttpHeaders();
        withoutPosition.setContentType(MediaType.APPLICATION_JSON);
        withoutPosition.set("Location", "/api/members/MN-ULAANBAATAR");
        HttpHeaders problem = new HttpHeaders();
        problem.setContentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(ContractValidation.problems(contract, "POST", "/api/members", 201, receipt,
                "{\"id\": \"MN-ULAANBAATAR\", \"position\": 285}")).isEmpty();
        assertThat(ContractValidation.problems(contract, "POST", "/api/members", 201, receipt,
                "{\"id\": \"MN-ULAANBAATAR\", \"position\": \"285\"}")).contains("position");
        assertThat(ContractValidation.problems(contract, "POST", "/api/members", 201, receipt,
                "{\"id\": \"MN-ULAANBAATAR\"}")).contains("position");
        assertThat(ContractValidation.problems(contract, "POST", "/api/members", 201, withoutPosition,
                "{\"id\": \"MN-ULAANBAATAR\", \"position\": 285}")).contains("Ledger-Position");
        assertThat(ContractValidation.problems(contract, "POST", "/api/members/MN-ULAANBAATAR/dues-payments", 422,
                problem, """
                        {"type": "urn:charter-ledger:problem:dues-refused", "title": "Unprocessable Entity",
                         "status": 422, "detail": "...", "field": "credited", "rule": "credited-in-dues-currency",
                         "article": "Dues Regulation Art. 5(1)", "instance": "/api/members/MN-ULAANBAATAR/dues-payments",
                         "severity": "high"}""")).contains("severity");
        assertThat(ContractValidation.problems(contract, "POST", "/api/members", 418, problem,
                "{\"type\": \"urn:charter-ledger:problem:teapot\", \"title\": \"I'm a teapot\", \"status\": 418}"))
                .isNotEmpty();
    }
}
