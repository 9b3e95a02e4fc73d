package org.charterledger.query.config;

import org.charterledger.web.HttpBoundary;
import org.charterledger.web.ProblemAdvice;
import org.charterledger.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;


/**
 * Every refusal as an RFC 9457 problem with a stable {@code type} and the {@code field} at fault: a malformed
 * parameter is 400, an unknown id 404, a position the views have not reached in time 503 with Retry-After.
 */
@RestControllerAdvice
public class Problems extends ProblemAdvice {

    public static final String TYPE_PREFIX = ProblemResponses.TYPE_PREFIX;

    Problems(HttpBoundary.Failure failure) {
        super(failure);
    }

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

    /**
     * A representation this resource does not have (an Accept header or a {@code ?format=} nobody serves): 406
     * naming which of the two asked, written as problem+json whatever was asked for.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
                                                                      HttpHeaders headers, HttpStatusCode status,
                                                                      WebRequest request) {
        String format = request.getParameter("format");
        String asked = format != null ? "the format '" + format + "'"
                : "the Accept header '" + request.getHeader(HttpHeaders.ACCEPT) + "'";
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", asked + " names no representation of this"
                        + " resource: every query answers JSON, and some also CSV (text/csv, ?format=csv) or JSON Lines",
                        format != null ? "format" : HttpHeaders.ACCEPT, null));
    }
}
