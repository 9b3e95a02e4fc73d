package org.charterledger.query.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.charterledger.web.ApiDocument;
import org.charterledger.web.ApiDocument.Problem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.charterledger.web.ApiDocument.example;

/**
 * The query service's OpenAPI document ({@link ApiDocument}): every operation takes {@code atLeast} and answers the
 * position it reflects in {@code Ledger-Position} ({@link PositionInterceptor}), and may be refused with the
 * problems of {@link Problems}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    @Bean
    ApiDocument queryServiceDocument() {
        List<Problem> problems = new ArrayList<>();
        problems.add(Problem.always(400, "A parameter is malformed or out of bounds; the problem names it and the"
                + " rule", example(HttpStatus.BAD_REQUEST, "malformed-request", "the parameter 'asOf' must be a date"
                + " in the form YYYY-MM-DD", "asOf", "format", null)));
        problems.add(Problem.always(403, "The user lacks the role, or a browser page's Origin is not one the"
                + " service allows (ledger.cors.allowed-origins)", example(HttpStatus.FORBIDDEN,
                "origin-not-allowed", "pages on this origin may not call the API (ledger.cors.allowed-origins)",
                "Origin", "allowed-origin", null)));
        problems.add(Problem.onPathParameters(404, "The record the path names is not in the views",
                example(HttpStatus.NOT_FOUND, "not-found", "MN-ULAANBAATAR was not on the register on 1995-01-01",
                        "id", null, null)));
        problems.add(new Problem(404, "No signed head of that size, or no event at that position in the tree",
                (path, operation) -> !path.contains("{") && (path.startsWith("/api/audit/tree-heads/")
                        || path.startsWith("/api/audit/proofs/")),
                example(HttpStatus.NOT_FOUND, "not-found", "no signed head of 9 events: ask /api/audit/tree-heads for"
                        + " the heads published", "treeSize", null, null)));
        problems.add(Problem.always(406, "The Accept header (or ?format=) names no representation of this resource:"
                + " every query answers JSON, and some also CSV or JSON Lines", example(HttpStatus.NOT_ACCEPTABLE,
                "not-acceptable", "the Accept header 'application/pdf' names no representation of this resource",
                "Accept", null, null)));
        problems.add(Problem.always(503, "The views have not reached atLeast in time, the views are being rebuilt,"
                + " or the database is away: retry after Retry-After seconds", example(HttpStatus.SERVICE_UNAVAILABLE,
                "position-not-reached", "the views have not reached ledger position 285 within 10 s (they reflect position 284); retry shortly", "atLeast",
                null, null)));
        problems.addAll(ApiDocument.commonProblems());
        return new ApiDocument(new Info().title("Charter Ledger: query API").version("1")
                .description("""
                        Reads the record of the Association of North East Asia Regional Governments (NEAR) as of a \
                        date: the register, every party's rights and dues, meetings, motions with their rolls and \
                        counts, offices, subcommittees; and the audit of the ledger itself (its events, their hash \
                        chain, derivations and certificates of decisions, rebuilds of the views). Every answer says \
                        in Ledger-Position the ledger position it reflects; pass the position a command answered as \
                        atLeast to read your own write. A refusal is an RFC 9457 problem naming the parameter at \
                        fault."""),
                "http://localhost:8082", SecurityConfig.ACCESS, problems, new Queries());
    }

    /** What every query takes and answers. */
    private static final class Queries implements ApiDocument.Additions {

        @Override
        public void components(Components components) {
            // the change feed's emitter is not a body: its events are described on the operation
            components.getSchemas().remove("SseEmitter");
        }

        @Override
        public void operation(String path, Operation operation) {
            if (operation.getParameters() == null || operation.getParameters().stream()
                    .noneMatch(parameter -> PositionInterceptor.AT_LEAST.equals(parameter.getName()))) {
                operation.addParametersItem(new QueryParameter().name(PositionInterceptor.AT_LEAST));
            }
            operation.getParameters().stream()
                    .filter(parameter -> PositionInterceptor.AT_LEAST.equals(parameter.getName()))
                    .forEach(atLeast -> atLeast.required(false).example(285)
                            .description("Wait until the views reflect this ledger position (a command's receipt"
                                    + " position) before answering; 503 if they do not in time")
                            .schema(new IntegerSchema().format("int64").minimum(BigDecimal.ZERO)));
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    response.addHeaderObject(LedgerPosition.HEADER, new Header().required(true)
                            .description("the ledger position this answer reflects")
                            .schema(new IntegerSchema().format("int64").minimum(BigDecimal.ZERO)));
                    eventStream(response);
                }
            });
        }

        /** Server-sent events are text: each an id (the position), an event name and a data line of JSON. */
        private static void eventStream(ApiResponse response) {
            if (response.getContent() != null && response.getContent().containsKey(MediaType.TEXT_EVENT_STREAM_VALUE)) {
                response.getContent().get(MediaType.TEXT_EVENT_STREAM_VALUE).schema(new StringSchema()
                        .description("server-sent events: id is the ledger position, data a recorded event as"
                                + " /api/audit/events answers it; comments are heartbeats"));
            }
        }
    }
}
