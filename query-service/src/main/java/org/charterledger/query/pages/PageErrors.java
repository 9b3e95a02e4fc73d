package org.charterledger.query.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.charterledger.events.LedgerBounds;
import org.charterledger.query.audit.Rebuilds;
import org.charterledger.query.config.InvalidParameter;
import org.charterledger.query.config.NotFound;
import org.charterledger.query.config.PositionNotReached;
import org.charterledger.web.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * Bad input on a page answered as a page: what was wrong, which parameter, and the status a client can act on
 * (400 for a value that cannot be read, 404 for an id the ledger does not know, 503 to come back). Never a stack
 * trace; the JSON API keeps answering problem+json ({@code config.Problems}), this advice covers the pages only.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    /** The views are being rebuilt, or have not reached a position: come back shortly. */
    static final class ComeBackLater extends RuntimeException {
        ComeBackLater(String message) {
            super(message);
        }
    }

    /** A request the page refuses, with the status and the field at fault. */
    static final class Refused extends RuntimeException {
        private final HttpStatus status;
        private final String field;

        Refused(HttpStatus status, String message, String field) {
            super(message);
            this.status = status;
            this.field = field;
        }
    }

    @ExceptionHandler(Refused.class)
    ModelAndView refused(Refused e, HttpServletResponse response) {
        return page(response, e.status, "Refused", e.getMessage(), e.field);
    }

    /** One rebuild at a time: 409, with the rule. */
    @ExceptionHandler(Rebuilds.RebuildRefused.class)
    ModelAndView rebuildRefused(Rebuilds.RebuildRefused e, HttpServletResponse response) {
        return page(response, HttpStatus.CONFLICT, "The rebuild was not started", e.getMessage(), null);
    }

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound(NotFound e, HttpServletResponse response) {
        return page(response, HttpStatus.NOT_FOUND, "Not in the ledger", e.getMessage(), e.field());
    }

    @ExceptionHandler(InvalidParameter.class)
    ModelAndView invalid(InvalidParameter e, HttpServletResponse response) {
        return page(response, HttpStatus.BAD_REQUEST, "A value could not be read", e.getMessage(), e.parameter());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mismatch(MethodArgumentTypeMismatchException e, HttpServletResponse response) {
        return page(response, HttpStatus.BAD_REQUEST, "A value could not be read",
                "the parameter '" + e.getName() + "' " + expectation(e), e.getName());
    }

    @ExceptionHandler(TypeMismatchException.class)
    ModelAndView mismatch(TypeMismatchException e, HttpServletResponse response) {
        return page(response, HttpStatus.BAD_REQUEST, "A value could not be read",
                "the parameter '" + e.getPropertyName() + "' is not in the expected format", e.getPropertyName());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e, HttpServletResponse response) {
        return page(response, HttpStatus.BAD_REQUEST, "A value is missing",
                "the parameter '" + e.getParameterName() + "' is required", e.getParameterName());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ModelAndView notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletResponse response) {
        return page(response, HttpStatus.NOT_ACCEPTABLE, "Not available in that form",
                "this page is available as " + e.getSupportedMediaTypes(), "Accept");
    }

    @ExceptionHandler({ComeBackLater.class, PositionNotReached.class})
    ModelAndView later(RuntimeException e, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, "2");
        return page(response, HttpStatus.SERVICE_UNAVAILABLE, "Come back in a moment", e.getMessage(), null);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletResponse response) {
        if (DatabaseOutage.causedBy(e)) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            return page(response, HttpStatus.SERVICE_UNAVAILABLE, "The ledger's database is away",
                    "the ledger's database is unavailable; retry shortly", null);
        }
        log.error("Unexpected failure of a page", e);
        return page(response, HttpStatus.INTERNAL_SERVER_ERROR, "The ledger failed to answer",
                "the server failed to show this page; the failure is logged", null);
    }

    private static ModelAndView page(HttpServletResponse response, HttpStatus status, String title, String detail,
                                     String field) {
        ModelAndView page = new ModelAndView("pages/error", status);
        page.addObject("status", status.value());
        page.addObject("reason", status.getReasonPhrase());
        page.addObject("heading", title);
        page.addObject("detail", detail);
        page.addObject("field", field);
        response.setStatus(status.value());
        return page;
    }

    /** What a value of the parameter's type must look like, or the ledger's bound it broke. */
    private static String expectation(MethodArgumentTypeMismatchException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LedgerBounds.OutOfBounds bound) {
                return bound.getMessage();
            }
        }
        Class<?> type = e.getRequiredType();
        if (type == LocalDate.class) {
            return "must be a date in the form YYYY-MM-DD";
        }
        if (type != null && type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "must be a whole number";
        }
        Throwable cause = e.getMostSpecificCause();
        return cause instanceof IllegalArgumentException && cause.getMessage() != null ? cause.getMessage()
                : "is not in the expected format";
    }
}
