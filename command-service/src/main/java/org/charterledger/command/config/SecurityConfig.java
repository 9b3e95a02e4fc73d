package org.charterledger.command.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.charterledger.web.ApiAccess;
import org.charterledger.web.LedgerSecurity;
import org.charterledger.web.LoginThrottle;
import org.charterledger.web.LoginThrottleFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import java.util.List;

/**
 * HTTP Basic against the configured users: commands need the role SECRETARIAT, votes SECRETARIAT or DELEGATE; the
 * service's metrics and health details, the operator's role (AUDITOR, {@link LedgerSecurity#OPERATOR}).
 */
@Configuration(proxyBeanMethods = false)
@Import(LedgerSecurity.class)
public class SecurityConfig {

    public static final String SECRETARIAT = "SECRETARIAT";
    public static final String DELEGATE = "DELEGATE";
    static final String OPERATOR = LedgerSecurity.OPERATOR;

    /** Who may give which command, the first rule that matches deciding; the OpenAPI document states them too. */
    public static final List<ApiAccess> ACCESS = List.of(
            ApiAccess.of(HttpMethod.POST, List.of("/api/motions/*/votes"), SECRETARIAT, DELEGATE),
            ApiAccess.of(null, List.of("/api/**"), SECRETARIAT));

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, LoginThrottle throttle) throws Exception {
        return http
                .addFilterBefore(new LoginThrottleFilter(throttle, json), BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health/**", "/actuator/info",
                            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll();
                    requests.requestMatchers("/actuator/**").hasRole(OPERATOR);
                    ApiAccess.authorize(ACCESS, requests);
                    requests.anyRequest().authenticated();
                })
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        LedgerSecurity.unauthenticated(json, response)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> LedgerSecurity.unauthenticated(json, response))
                        .accessDeniedHandler((request, response, e) -> LedgerSecurity.forbidden(json, response,
                                request.getRequestURI().startsWith("/actuator/")
                                        ? LedgerSecurity.OPERATOR_ONLY
                                        : "this command needs the role " + SECRETARIAT)))
                .build();
    }
}
