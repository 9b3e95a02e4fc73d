package org.charterledger.web;

import org.charterledger.events.LedgerBounds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/**
 * What both services' {@code Problems} answer alike: a failure nobody foresaw (500, logged as a bug), the database
 * away (503 with Retry-After), and the problems Spring MVC raises itself, given a ledger type. Each service's
 * {@code Problems} extends this with its own refusals, and says in its {@link HttpBoundary.Failure} what a failure
 * means there.
 */
public abstract class ProblemAdvice extends ResponseEntityExceptionHandler {

    /** Seconds a client should wait before retrying while the database is away: about a restart's length. */
    private static final String DATABASE_RETRY_AFTER = "5";
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final HttpBoundary.Failure failure;

    protected ProblemAdvice(HttpBoundary.Failure failure) {
        this.failure = failure;
    }

    @ExceptionHandler(Exception.class)
    protected ResponseEntity<Object> unexpected(Exception e) {
        if (DatabaseOutage.causedBy(e)) {
            return databaseUnavailable(e);
        }
        log.error("Unexpected failure", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                failure.unexpected(), null, null));
    }

    /**
     * A path or query parameter that is not of its type: 400 naming it, with the ledger's bound it broke, or else
     * what the service expects of it ({@link #expectation}).
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    protected ResponseEntity<Object> badParameter(MethodArgumentTypeMismatchException e) {
        LedgerBounds.OutOfBounds bound = outOfBounds(e);
        if (bound != null) {
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-request",
                    "the parameter '" + e.getName() + "' " + bound.getMessage(), e.getName(), bound.rule()));
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-request",
                "the parameter '" + e.getName() + "' " + expectation(e.getRequiredType(), e.getMostSpecificCause()),
                e.getName(), "format"));
    }

    /** What a value of {@code target} must look like, said after its name; {@code cause} is why it was refused. */
    protected String expectation(Class<?> target, Throwable cause) {
        if (target != null && target.isEnum()) {
            return "must be one of " + Arrays.toString(target.getEnumConstants());
        }
        if (target == LocalDate.class) {
            return "must be a date in the form YYYY-MM-DD";
        }
        String known = expectationOf(target);
        if (known != null) {
            return known;
        }
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return otherwise(target);
    }

    /** What a service says of a type of its own requests, before the refusal's own message; null for nothing. */
    protected String expectationOf(Class<?> target) {
        return null;
    }

    /** What is said when nothing more is known of what {@code target} expects. */
    protected String otherwise(Class<?> target) {
        return "is not in the expected format";
    }

    /** The database is away (a restart, an outage): a bounded wait, then 503 to retry, and readiness DOWN meanwhile. */
    private ResponseEntity<Object> databaseUnavailable(Exception e) {
        log.warn("Database unavailable: {}", NestedExceptionUtils.getMostSpecificCause(e).toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", failure.databaseAway(), null,
                        null));
    }

    /** Problems Spring MVC raises itself (unknown path, wrong method or media type) get a ledger type too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && URI.create("about:blank").equals(problem.getType())) {
            HttpStatus known = HttpStatus.resolve(status.value());
            String slug = known == null ? "http-" + status.value()
                    : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
            problem.setType(URI.create(ProblemResponses.TYPE_PREFIX + slug));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /** The ledger's bound that a value broke, wherever it is wrapped; null when none did. */
    protected static LedgerBounds.OutOfBounds outOfBounds(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LedgerBounds.OutOfBounds bound) {
                return bound;
            }
        }
        return null;
    }

    protected static ProblemDetail problem(HttpStatus status, String type, String detail, String field, String rule) {
        return ProblemResponses.problem(status, type, detail, field, rule);
    }
}
