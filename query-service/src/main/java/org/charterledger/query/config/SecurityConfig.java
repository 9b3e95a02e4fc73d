package org.charterledger.query.config;

import com.fasterxml.jackson.databind.ObjectMapper;
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

/** HTTP Basic against the configured users: any of them may read; anonymous reads when configured. */
@Configuration(proxyBeanMethods = false)
@Import(LedgerSecurity.class)
public class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, LedgerUsers users, LoginThrottle throttle)
            throws Exception {
        return http
                .addFilterBefore(new LoginThrottleFilter(throttle, json), BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll();
                    requests.requestMatchers(HttpMethod.POST, "/api/audit/rebuilds", "/api/audit/dead-letters/retries")
                            .hasAnyRole("AUDITOR", "SECRETARIAT");
                    if (users.anonymousReads()) {
                        requests.requestMatchers(HttpMethod.GET, "/api/**").permitAll();
                    }
                    requests.anyRequest().authenticated();
                })
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        LedgerSecurity.unauthenticated(json, response)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> LedgerSecurity.unauthenticated(json, response))
                        .accessDeniedHandler((request, response, e) -> LedgerSecurity.forbidden(json, response,
                                "a rebuild or a retry of parked events needs the role AUDITOR or SECRETARIAT")))
                .build();
    }
}
