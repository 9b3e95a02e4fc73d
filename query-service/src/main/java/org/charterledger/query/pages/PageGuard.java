package org.charterledger.query.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.charterledger.query.config.LedgerPosition;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The pages keep the API's promises: while a rebuild runs a page of the views answers 503 rather than a partial
 * view (the audit pages stay answerable), and every page tells the ledger position it reflects.
 */
@Configuration(proxyBeanMethods = false)
class PageGuard implements HandlerInterceptor, WebMvcConfigurer {

    private final LedgerPosition position;

    PageGuard(LedgerPosition position) {
        this.position = position;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().getPackageName().equals(PageGuard.class.getPackageName())) {
            return true;
        }
        if (method.getBeanType() != AuditPages.class && position.rebuilding()) {
            throw new PageErrors.ComeBackLater("the views are being rebuilt from the ledger; this page is back when"
                    + " the rebuild completes (progress on the audit page)");
        }
        response.setHeader(LedgerPosition.HEADER, Long.toString(position.current()));
        return true;
    }
}
