package org.charterledger.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id that its log lines carry ({@code requestId} in the logging context) and its answer
 * echoes ({@code X-Request-Id}): the caller's own, such as a proxy's, when it sends a usable one, else a new one.
 * A caller's id is taken only if it is short and made of plain characters, so that no one can write into the logs
 * through it; anything else is replaced, not refused: the id serves the operator, not the request.
 */
public class RequestIds extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    /** The key of the id in the logging context (MDC), and so the field of a structured log line. */
    public static final String MDC_KEY = "requestId";
    private static final Pattern USABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String sent = request.getHeader(HEADER);
        String id = sent != null && USABLE.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** An error page rendered for the request logs under the same id. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
