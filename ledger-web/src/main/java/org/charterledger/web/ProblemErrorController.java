package org.charterledger.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Locale;

/**
 * The error page, in place of Spring Boot's: what fails outside the controllers (a filter, the container) is
 * answered as a problem+json like everything else, never as Spring's default JSON or an HTML page. Declared by
 * {@link HttpBoundary}, with the service's sentence for a failure.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ObjectMapper json;
    private final String failure;

    ProblemErrorController(ObjectMapper json, String failure) {
        this.json = json;
        this.failure = failure;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is5xxServerError()) {
            log.error("Unexpected failure of {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
            ProblemResponses.write(json, response, status, "internal-error", failure, null, null);
            return;
        }
        ProblemResponses.write(json, response, status, status.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                "the request was refused (" + status.getReasonPhrase() + ")", null, null);
    }
}
