package org.charterledger.query.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.charterledger.web.ApiAccess;
import org.charterledger.web.LedgerSecurity;
import org.charterledger.web.RequestIds;
import org.charterledger.web.LoginThrottle;
import org.charterledger.web.LoginThrottleFilter;
import org.charterledger.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * HTTP Basic against the configured users: any of them may read; anonymous reads when configured. Browsers on the
 * origins {@code ledger.cors.allowed-origins} lists (none by default) may call the API: their preflight is answered
 * before authentication, and an answer names the origin; any other origin's request is refused (403, a problem
 * naming the Origin header). The service's metrics and health details are the operator's ({@link LedgerSecurity#OPERATOR}).
 */
@Configuration(proxyBeanMethods = false)
@Import(LedgerSecurity.class)
public class SecurityConfig {

    /** The read-only pages and their static assets. */
    static final String[] PAGES = {"/", "/register", "/parties/**", "/rights", "/meetings", "/meetings/**",
            "/motions/**", "/offices", "/subcommittees", "/audit", "/audit/verification", "/audit/rebuilds/**",
            "/css/**", "/js/**", "/favicon.svg"};

    /**
     * What needs a role beyond being a user of the ledger, the first rule that matches deciding; the OpenAPI
     * document states them too.
     */
    public static final List<ApiAccess> ACCESS = List.of(
            ApiAccess.of(HttpMethod.POST, List.of("/api/audit/rebuilds", "/api/audit/dead-letters/retries"),
                    "AUDITOR", "SECRETARIAT"));

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, LedgerUsers users, LoginThrottle throttle,
                            LedgerSettings settings) throws Exception {
        CorsFilter cors = new CorsFilter(corsFor(settings.cors().allowedOrigins()));
        cors.setCorsProcessor(new DefaultCorsProcessor() {
            @Override
            protected void rejectRequest(ServerHttpResponse response) throws IOException {
                ProblemResponses.write(json, ((ServletServerHttpResponse) response).getServletResponse(),
                        HttpStatus.FORBIDDEN, "origin-not-allowed", "pages on this origin may not call the API"
                                + " (ledger.cors.allowed-origins)", "Origin", "allowed-origin");
            }
        });
        return http
                .addFilterBefore(cors, LogoutFilter.class)
                .addFilterBefore(new LoginThrottleFilter(throttle, json), BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health/**", "/actuator/info",
                            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll();
                    requests.requestMatchers("/actuator/**").hasRole(LedgerSecurity.OPERATOR);
                    ApiAccess.authorize(ACCESS, requests);
                    // The pages (package pages) follow the API's rules: any user may read, anyone when anonymous
                    // reads are on; the page that starts a rebuild asks for the role the API asks for.
                    requests.requestMatchers(HttpMethod.GET, "/audit/rebuild").hasAnyRole("AUDITOR", "SECRETARIAT");
                    requests.requestMatchers(HttpMethod.POST, "/audit/rebuilds").hasAnyRole("AUDITOR", "SECRETARIAT");
                    if (users.anonymousReads()) {
                        requests.requestMatchers(HttpMethod.GET, "/api/**").permitAll();
                        requests.requestMatchers(HttpMethod.GET, PAGES).permitAll();
                    }
                    requests.anyRequest().authenticated();
                })
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        LedgerSecurity.unauthenticated(json, response)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> LedgerSecurity.unauthenticated(json, response))
                        .accessDeniedHandler((request, response, e) -> LedgerSecurity.forbidden(json, response,
                                request.getRequestURI().startsWith("/actuator/")
                                        ? LedgerSecurity.OPERATOR_ONLY
                                        : "a rebuild or a retry of parked events needs the role AUDITOR or SECRETARIAT")))
                .build();
    }

    /** The API's reads (and an auditor's rebuild) for pages on the allowed origins; credentials by Basic header. */
    private static CorsConfigurationSource corsFor(List<String> allowedOrigins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(allowedOrigins);
        cors.setAllowedMethods(List.of("GET", "POST", "HEAD", "OPTIONS"));
        cors.setAllowedHeaders(List.of(
                "Authorization", "Content-Type", "Accept", "Last-Event-ID", RequestIds.HEADER));
        cors.setExposedHeaders(List.of(LedgerPosition.HEADER, "Location", "Retry-After", RequestIds.HEADER));
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }
}
