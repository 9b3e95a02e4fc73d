package org.charterledger.query.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * While a rebuild runs, view queries answer 503 (the audit endpoints stay answerable). Read-your-writes for
 * every query: {@code ?atLeast=N} waits until the views reflect position N, and the
 * {@code Ledger-Position} header tells the position the answer reflects. The position is read before the query
 * runs, so the answer reflects at least that position.
 */
@Configuration(proxyBeanMethods = false)
class PositionInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    static final String AT_LEAST = "atLeast";
    private final LedgerPosition position;

    PositionInterceptor(LedgerPosition position) {
        this.position = position;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!request.getRequestURI().startsWith("/api/audit/") && position.rebuilding()) {
            throw new ViewsRebuilding();
        }
        String atLeast = request.getParameter(AT_LEAST);
        if (atLeast != null) {
            position.awaitAtLeast(parse(atLeast));
        }
        response.setHeader(LedgerPosition.HEADER, Long.toString(position.current()));
        return true;
    }

    private static long parse(String value) {
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw new InvalidParameter(AT_LEAST, "must be a ledger position: a whole number, 0 or more");
    }
}
