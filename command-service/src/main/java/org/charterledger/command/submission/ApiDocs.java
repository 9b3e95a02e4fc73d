package org.charterledger.command.submission;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.charterledger.command.config.SecurityConfig;
import org.charterledger.web.ApiDocument;
import org.charterledger.web.ApiDocument.Problem;
import org.charterledger.web.RequestLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.charterledger.web.ApiDocument.example;

/**
 * The command service's OpenAPI document ({@link ApiDocument}): every operation is a command, submitted through
 * {@link IdempotentCommands}, so each takes an {@code Idempotency-Key}, answers 201 with its {@link Receipts receipt}
 * and may be refused with any of the problems of {@link Problems}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    static final String RECEIPT = "Receipt";

    @Bean
    ApiDocument commandServiceDocument() {
        List<Problem> problems = new ArrayList<>(ApiDocument.commonProblems());
        problems.add(Problem.always(400, "The request is malformed, or a field breaks its format or a bound; the"
                + " problem names the field (or header) and the rule", example(HttpStatus.BAD_REQUEST,
                "malformed-request", "fiscalYear must be a fiscal year from 1996 on", "fiscalYear", "format", null)));
        problems.add(Problem.always(403, "The user lacks the role, or a delegate votes for a member it is not bound"
                + " to", example(HttpStatus.FORBIDDEN, "not-your-vote", "a delegate of KR-ULSAN may not vote for"
                + " MN-ULAANBAATAR", "member", "delegate-of-member", "Charter Art. 9(1)")));
        problems.add(Problem.always(404, "A record the request names is not in the ledger",
                example(HttpStatus.NOT_FOUND, "unknown-record", "the ledger holds no record GA13-M9", "id",
                        "must-exist", null)));
        problems.add(Problem.always(409, "The request contradicts what the ledger already holds",
                example(HttpStatus.CONFLICT, "already-admitted", "CN-LIAONING is already on the register as MEMBER",
                        "id", "admitted-once", null)));
        problems.add(Problem.onBodies(413, "The body is larger than the ledger accepts",
                example(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "the body is larger than " + RequestLimits.MAX_BODY_BYTES + " bytes",
                        null, "max-body-size", null)));
        problems.add(Problem.onBodies(415, "The body is not JSON in UTF-8",
                example(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                        "the body must be JSON in UTF-8 (Content-Type: application/json)", "Content-Type",
                        "utf-8-only", null)));
        problems.add(Problem.always(422, "The request breaks a rule of the charter, a regulation or the register;"
                + " the problem names the field, the rule and its article", example(HttpStatus.UNPROCESSABLE_ENTITY,
                "dues-refused", "the value credited must be in USD, the currency the dues are set in", "credited",
                "credited-in-dues-currency", "Dues Regulation Art. 5(1)")));
        return new ApiDocument(new Info().title("Charter Ledger: command API").version("1")
                .description("""
                        Records the decisions and facts of the Association of North East Asia Regional Governments \
                        (NEAR): admissions, dues, meetings, motions and votes, offices, subcommittees. Every command \
                        is appended to the ledger as events, once: send an Idempotency-Key, and a retry with the same \
                        key and body answers the first receipt (Idempotent-Replayed: true) and records nothing more. \
                        The receipt's position (also in Ledger-Position) is what to pass as atLeast to the query API \
                        to read your own write. A refusal is an RFC 9457 problem naming the field, the rule and, \
                        where the charter states it, the article; nothing is recorded."""),
                "http://localhost:8081", SecurityConfig.ACCESS, problems, new Commands());
    }

    /** What every command takes and answers. */
    private static final class Commands implements ApiDocument.Additions {

        @Override
        public void components(Components components) {
            components.addSchemas(RECEIPT, new Schema<>().type("object")
                    .description("What a command left in the ledger")
                    .addProperty("id", new StringSchema().description("the record the command created or changed:"
                            + " a party, a meeting, a motion, a payment (its new id), a subcommittee's number")
                            .example("MN-ULAANBAATAR"))
                    .addProperty("position", new IntegerSchema().format("int64").description("the ledger position"
                            + " of the command's last event; pass it as atLeast to the query API").example(285))
                    .required(List.of("id", "position")));
        }

        @Override
        public void operation(String path, Operation operation) {
            operation.getParameters().stream()
                    .filter(parameter -> IdempotentCommands.HEADER.equals(parameter.getName()))
                    .forEach(key -> key.description("A key the client chooses for this request (such as a UUID):"
                                    + " a retry with the same key and body is answered with the first receipt and"
                                    + " recorded once; the same key with another body is refused (422)")
                            .example("dues-2021-MN-ULAANBAATAR")
                            .schema(new StringSchema().minLength(1).maxLength(IdempotentCommands.MAX_KEY_LENGTH)
                                    .pattern("^[\\x21-\\x7E]+$")));
            operation.getResponses().remove("200");
            operation.getResponses().addApiResponse("201", new ApiResponse()
                    .description("Recorded (or, replayed, recorded before): the receipt")
                    .content(new Content().addMediaType(ApiDocument.JSON, new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/" + RECEIPT))
                            .example(Map.of("id", "MN-ULAANBAATAR", "position", 285))))
                    .addHeaderObject(HttpHeaders.LOCATION, new Header().required(true)
                            .description("where the query API shows the record: a path on the query service, such"
                                    + " as /api/members/MN-ULAANBAATAR or /api/motions/GA13-M2")
                            .schema(new StringSchema().pattern("^/api/").example("/api/members/MN-ULAANBAATAR")))
                    .addHeaderObject(Receipts.POSITION_HEADER, new Header().required(true)
                            .description("the receipt's position: pass it as atLeast to the query API")
                            .schema(new IntegerSchema().format("int64").minimum(BigDecimal.ONE)))
                    .addHeaderObject(Receipts.REPLAYED_HEADER, new Header()
                            .description("true when the answer repeats the first one for this Idempotency-Key;"
                                    + " absent otherwise")
                            .schema(new StringSchema()._enum(List.of("true")))));
        }
    }
}
