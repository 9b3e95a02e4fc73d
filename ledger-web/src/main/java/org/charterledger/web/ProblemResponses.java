package org.charterledger.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;

/**
 * The RFC 9457 problem both services answer every refusal with: a stable type ({@value #TYPE_PREFIX}slug), a
 * sentence, and where it applies the field and the rule. Each service's {@code Problems} maps its exceptions onto it.
 */
public final class ProblemResponses {

    public static final String TYPE_PREFIX = "urn:charter-ledger:problem:";

    private ProblemResponses() {
    }

    public static ProblemDetail problem(HttpStatus status, String type, String detail, String field, String rule) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        if (field != null) {
            problem.setProperty("field", field);
        }
        if (rule != null) {
            problem.setProperty("rule", rule);
        }
        return problem;
    }

    /** Writes a problem directly on the response, where no controller advice answers (filters, error pages). */
    public static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String type,
                             String detail, String field, String rule) throws IOException {
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem(status, type, detail, field, rule));
    }
}
