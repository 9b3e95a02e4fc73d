package org.charterledger.command.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.charterledger.web.InMemoryPasswords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.util.StringUtils;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** HTTP Basic against the configured users: commands need the role SECRETARIAT, votes SECRETARIAT or DELEGATE. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    static final String SECRETARIAT = "SECRETARIAT";
    static final String DELEGATE = "DELEGATE";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, LoginThrottle throttle) throws Exception {
        return http
                .addFilterBefore(new LoginThrottleFilter(throttle, json), BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/motions/*/votes").hasAnyRole(SECRETARIAT, DELEGATE)
                        .requestMatchers("/api/**").hasRole(SECRETARIAT)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> problem(json, response,
                        HttpStatus.UNAUTHORIZED, "unauthenticated", "send HTTP Basic credentials of a ledger user")))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problem(json, response,
                                HttpStatus.UNAUTHORIZED, "unauthenticated", "send HTTP Basic credentials of a ledger user"))
                        .accessDeniedHandler((request, response, e) -> problem(json, response, HttpStatus.FORBIDDEN,
                                "forbidden", "this command needs the role " + SECRETARIAT)))
                .build();
    }

    /** The users' passwords, from the environment, kept as keyed hashes in memory. */
    @Bean
    PasswordEncoder passwords() {
        return new InMemoryPasswords();
    }

    /** User names are matched exactly: {@code Secretariat} is not {@code secretariat}. */
    @Bean
    UserDetailsService users(LedgerUsers configured, PasswordEncoder encoder) {
        Map<String, UserDetails> users = new HashMap<>();
        for (LedgerUsers.User user : configured.users()) {
            if (!StringUtils.hasText(user.name()) || !StringUtils.hasText(user.password())) {
                throw new IllegalStateException("every ledger user needs a name and a password (set it in the environment)");
            }
            UserDetails details = User.withUsername(user.name())
                    .password(encoder.encode(user.password()))
                    .roles(user.roles().toArray(String[]::new))
                    .build();
            if (users.putIfAbsent(user.name(), details) != null) {
                throw new IllegalStateException("the ledger user " + user.name() + " is configured twice");
            }
        }
        return name -> {
            UserDetails user = users.get(name);
            if (user == null) {
                throw new UsernameNotFoundException("no such user");
            }
            // a copy: Spring Security erases the password of the one it authenticates
            return User.withUserDetails(user).build();
        };
    }

    private static void problem(ObjectMapper json, HttpServletResponse response, HttpStatus status, String type,
                                String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problems.TYPE_PREFIX + type);
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"charter-ledger\"");
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
