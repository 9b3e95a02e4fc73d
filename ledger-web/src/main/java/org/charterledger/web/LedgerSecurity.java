package org.charterledger.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.StringUtils;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How both services log their users in: HTTP Basic against the {@link ConfiguredUsers}, their passwords kept as
 * {@link InMemoryPasswords}, failed logins held back by the {@link LoginThrottle}. Each service imports this and
 * draws its own rules of access.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginThrottle.Settings.class)
public class LedgerSecurity {

    /**
     * The operator's role: health with its details (the database, the views' processors) and the metrics
     * ({@code /actuator/prometheus}, {@code /actuator/metrics}). The auditor holds it: the one who already rebuilds
     * the views and retries parked events, and a user every deployment configures in both services.
     */
    public static final String OPERATOR = "AUDITOR";
    /** Why any other user is refused the metrics. */
    public static final String OPERATOR_ONLY = "the service's metrics need the operator's role " + OPERATOR;

    /** The users' passwords, from the environment, kept as keyed hashes in memory. */
    @Bean
    PasswordEncoder passwords() {
        return new InMemoryPasswords();
    }

    /** User names are matched exactly: {@code Secretariat} is not {@code secretariat}. */
    @Bean
    UserDetailsService users(ConfiguredUsers configured, PasswordEncoder encoder) {
        Map<String, UserDetails> users = new HashMap<>();
        for (ConfiguredUsers.User user : configured.users()) {
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

    @Bean
    LoginThrottle loginThrottle(ConfiguredUsers configured, LoginThrottle.Settings settings) {
        return new LoginThrottle(configured, settings);
    }

    /** 401: the request carries no credentials of a ledger user, or wrong ones. */
    public static void unauthenticated(ObjectMapper json, HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"charter-ledger\"");
        refuse(json, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "send HTTP Basic credentials of a ledger user");
    }

    /** 403: the user lacks the role; {@code detail} names the role needed. */
    public static void forbidden(ObjectMapper json, HttpServletResponse response, String detail) throws IOException {
        refuse(json, response, HttpStatus.FORBIDDEN, "forbidden", detail);
    }

    private static void refuse(ObjectMapper json, HttpServletResponse response, HttpStatus status, String type,
                               String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ProblemResponses.TYPE_PREFIX + type);
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
