package org.charterledger.query.config;

import org.charterledger.events.LedgerBounds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.charterledger.web.DatabaseOutage;
import org.charterledger.web.ProblemResponses;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/**
 * Every refusal as an RFC 9457 problem with a stable {@code type} and the {@code field} at fault: a malformed
 * parameter is 400, an unknown id 404, a position the views have not reached in time 503 with Retry-After.
 */
@RestControllerAdvice
public class Problems extends ResponseEntityExceptionHandler {

    public static final String TYPE_PREFIX = ProblemResponses.TYPE_PREFIX;
    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    /** Seconds a client should wait before retrying while the database is away: about a restart's length. */
    private static final String DATABASE_RETRY_AFTER = "5";

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Object> notFound(NotFound e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage(), e.field(), null));
    }

    @ExceptionHandler(InvalidParameter.class)
    ResponseEntity<Object> invalid(InvalidParameter e) {
        return ResponseEntity.badRequest()
                .body(problem(HttpStatus.BAD_REQUEST, "malformed-request", e.getMessage(), e.parameter(), "format"));
    }

    @ExceptionHandler(PositionNotReached.class)
    ResponseEntity<Object> notReached(PositionNotReached e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "position-not-reached", e.getMessage(), "atLeast",
                        null));
    }

    @ExceptionHandler(ViewsRebuilding.class)
    ResponseEntity<Object> rebuilding(ViewsRebuilding e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "views-rebuilding", e.getMessage(), null, null));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> badParameter(MethodArgumentTypeMismatchException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LedgerBounds.OutOfBounds bound) {
                return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-request",
                        "the parameter '" + e.getName() + "' " + bound.getMessage(), e.getName(), bound.rule()));
            }
        }
        Class<?> target = e.getRequiredType();
        Throwable cause = e.getMostSpecificCause();
        String rule;
        if (target != null && target.isEnum()) {
            rule = "must be one of " + Arrays.toString(target.getEnumConstants());
        } else if (target == LocalDate.class) {
            rule = "must be a date in the form YYYY-MM-DD";
        } else if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            rule = cause.getMessage();
        } else {
            rule = "is not in the expected format";
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-request",
                "the parameter '" + e.getName() + "' " + rule, e.getName(), "format"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (DatabaseOutage.causedBy(e)) {
            return databaseUnavailable(e);
        }
        log.error("Unexpected failure", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "the ledger failed to answer this query", null, null));
    }

    /** The database is away (a restart, an outage): a bounded wait, then 503 to retry, and readiness DOWN meanwhile. */
    private ResponseEntity<Object> databaseUnavailable(Exception e) {
        log.warn("Database unavailable: {}", NestedExceptionUtils.getMostSpecificCause(e).toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                        "the ledger's database is unavailable; retry shortly", null, null));
    }

    /** Problems Spring MVC raises itself (unknown path, wrong method) get a ledger type too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && URI.create("about:blank").equals(problem.getType())) {
            HttpStatus known = HttpStatus.resolve(status.value());
            problem.setType(URI.create(TYPE_PREFIX + (known == null ? "http-" + status.value()
                    : known.name().toLowerCase(Locale.ROOT).replace('_', '-'))));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    static ProblemDetail problem(HttpStatus status, String type, String detail, String field, String rule) {
        return ProblemResponses.problem(status, type, detail, field, rule);
    }
}
