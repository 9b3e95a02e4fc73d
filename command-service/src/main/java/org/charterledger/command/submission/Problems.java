package org.charterledger.command.submission;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.charterledger.events.LedgerBounds;
import org.charterledger.web.HttpBoundary;
import org.charterledger.web.ProblemAdvice;
import org.charterledger.web.ProblemResponses;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.charterledger.command.Rejection;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every refusal as an RFC 9457 problem: a stable {@code type}, a sentence, and the {@code field} and {@code rule} at
 * fault. Malformed input is 400, an unknown id 404, a conflict with the record 409, a broken rule 422.
 */
@RestControllerAdvice
public class Problems extends ProblemAdvice {

    public static final String TYPE_PREFIX = ProblemResponses.TYPE_PREFIX;
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '([^']*)'");

    Problems(HttpBoundary.Failure failure) {
        super(failure);
    }

    @ExceptionHandler(Rejection.class)
    ResponseEntity<Object> rejected(Rejection rejection) {
        HttpStatus status = switch (rejection.reason()) {
            case UNKNOWN -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case RULE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        ProblemDetail problem = problem(status, rejection.type(), rejection.getMessage(), rejection.field(),
                rejection.rule());
        if (rejection.article() != null) {
            problem.setProperty("article", rejection.article());
        }
        rejection.properties().forEach(problem::setProperty);
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(InvalidIdempotencyKey.class)
    ResponseEntity<Object> invalidKey(InvalidIdempotencyKey e) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-idempotency-key",
                e.getMessage(), IdempotentCommands.HEADER, "idempotency-key-format"));
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<Object> invalidInput(InvalidInput e) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage(),
                e.field(), e.rule()));
    }

    @ExceptionHandler(LedgerBusy.class)
    ResponseEntity<Object> busy(LedgerBusy e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "ledger-busy", e.getMessage(), null, null));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "rule", String.valueOf(error.getCode()),
                        "detail", String.valueOf(error.getDefaultMessage())))
                .toList();
        FieldError first = e.getBindingResult().getFieldErrors().get(0);
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + " " + error.getDefaultMessage())
                .collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", detail, first.getField(),
                first.getCode());
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            LedgerBounds.OutOfBounds bound = outOfBounds(mapping);
            if (bound != null) {
                return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-request",
                        field + " " + bound.getMessage(), field, bound.rule()));
            }
            if (mapping instanceof UnrecognizedPropertyException) {
                return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-request",
                        field + " is not a field of this request", field, "known-fields"));
            }
            Class<?> target = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            Throwable cause = mapping instanceof ValueInstantiationException ? mapping.getCause() : mapping;
            if (cause instanceof JsonMappingException && cause.getCause() instanceof IllegalArgumentException invalid) {
                cause = invalid;
            }
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-request",
                    field + " " + expectation(target, cause), field, "format"));
        }
        if (e.getCause() instanceof JsonParseException parse && parse.getOriginalMessage() != null) {
            Matcher duplicate = DUPLICATE_FIELD.matcher(parse.getOriginalMessage());
            if (duplicate.find()) {
                return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-request",
                        "the field " + duplicate.group(1) + " appears more than once", duplicate.group(1),
                        "no-duplicate-fields"));
            }
        }
        String detail = e.getCause() instanceof JsonProcessingException
                ? "the body is not well-formed JSON: " + ((JsonProcessingException) e.getCause()).getOriginalMessage()
                : "the request needs a JSON body";
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-request", detail, null,
                "json"));
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        if (e instanceof MissingRequestHeaderException missing) {
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "missing-header",
                    "the header " + missing.getHeaderName() + " is required", missing.getHeaderName(), "required"));
        }
        return super.handleServletRequestBindingException(e, headers, status, request);
    }

    /** Body fields of these types are read by Jackson, whose own messages say less. */
    @Override
    protected String expectationOf(Class<?> target) {
        if (target == Currency.class) {
            return "must be an ISO 4217 currency code, such as KRW or USD";
        }
        if (target == String.class) {
            return "must be text in a JSON string";
        }
        if (target == BigDecimal.class) {
            return "must be a decimal number, such as \"1000.00\"";
        }
        return null;
    }

    @Override
    protected String otherwise(Class<?> target) {
        return target != null ? "must be a " + target.getSimpleName() : super.otherwise(null);
    }
}
