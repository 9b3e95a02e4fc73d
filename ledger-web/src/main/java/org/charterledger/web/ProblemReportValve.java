package org.charterledger.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's error report, as a problem+json instead of an HTML page: for requests Tomcat refuses itself (a header
 * over 8 KB, an invalid or encoded character in the path) and any error nothing else answered. Put in the host's
 * pipeline by {@link HttpBoundary}, with the service's sentence for a failure.
 */
public class ProblemReportValve extends ErrorReportValve {

    private final String failure;

    ProblemReportValve(String failure) {
        this.failure = failure;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String type = switch (status) {
            case 400 -> "malformed-request";
            case 404 -> "not-found";
            case 413 -> "body-too-large";
            default -> status < 500 ? "http-" + status : "internal-error";
        };
        String detail = status < 500 ? "the server refused this request as malformed (HTTP " + status + ")"
                : failure;
        String json = "{\"type\":\"" + ProblemResponses.TYPE_PREFIX + type + "\",\"title\":\"" + title(status)
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType("application/problem+json");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away, or the response was committed meanwhile: nothing more to say
        }
    }

    private static String title(int status) {
        org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }
}
