package org.charterledger.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.core.StandardHost;
import org.charterledger.events.RequestJson;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Where a request enters: every answer to it, from Tomcat's parser to the controllers, is a problem+json, and its
 * body is read strictly ({@link RequestJson}) after {@link RequestLimits} bounded it. Answers are written by the
 * same mapper as before, so they do not change. Every request has an id in its log lines and its answer
 * ({@link RequestIds}). A service imports this and declares its {@link Failure}.
 */
@Configuration(proxyBeanMethods = false)
@Import(OutageAwarePool.class)
public class HttpBoundary {

    /**
     * What the service answers when it failed: unexpectedly, in its controllers ({@link ProblemAdvice}) or on its
     * error page ({@link ProblemErrorController}); in Tomcat's own report ({@link ProblemReportValve}); and while
     * its database is away.
     */
    public record Failure(String unexpected, String container, String databaseAway) {
    }

    /** The error page; Spring Boot's own gives way to it. */
    @Bean
    ProblemErrorController problemErrorController(ObjectMapper json, Failure failure) {
        return new ProblemErrorController(json, failure.unexpected());
    }

    /** Spring MVC's JSON converter, reading strictly and writing with the services' mapper. */
    @Bean
    MappingJackson2HttpMessageConverter strictJsonConverter(ObjectMapper defaultAxonObjectMapper) {
        return new MappingJackson2HttpMessageConverter(RequestJson.strict(defaultAxonObjectMapper));
    }

    /** First of all: every line logged for a request, a refused login's included, carries its id. */
    @Bean
    FilterRegistrationBean<RequestIds> requestIds() {
        FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestLimits> requestLimits(ObjectMapper json) {
        return new FilterRegistrationBean<>(new RequestLimits(json));
    }

    /** Spring Security's firewall (a {@code ;}, an encoded {@code /} or {@code %}, ...) answers a problem too. */
    @Bean
    RequestRejectedHandler requestRejected(ObjectMapper json) {
        return (request, response, rejected) -> ProblemResponses.write(json, response, HttpStatus.BAD_REQUEST,
                "request-rejected", "the request was refused: " + rejected.getMessage(), null, "url");
    }

    /** What Tomcat refuses before the application sees it (an oversized header, {@code %00}) is a problem too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemsFromTomcat(Failure failure) {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                // The host adds a valve of this class when it starts, unless its pipeline holds one already: this one.
                host.getPipeline().addValve(new ProblemReportValve(failure.container()));
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }
}
