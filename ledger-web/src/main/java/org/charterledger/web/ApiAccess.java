package org.charterledger.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.util.AntPathMatcher;

import java.util.List;
import java.util.Optional;

/**
 * A rule of access to a service's API: requests with {@code method} (any, when null) on one of {@code patterns} need
 * one of {@code roles}. A service lists its rules once, in order, the first that matches deciding; its security
 * applies them ({@link #authorize}) and its OpenAPI document states them on each operation ({@link ApiDocument}), so
 * that the two cannot say different things.
 */
public record ApiAccess(HttpMethod method, List<String> patterns, List<String> roles) {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    public ApiAccess {
        patterns = List.copyOf(patterns);
        roles = List.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a rule of access names the roles it allows");
        }
    }

    public static ApiAccess of(HttpMethod method, List<String> patterns, String... roles) {
        return new ApiAccess(method, patterns, List.of(roles));
    }

    /** Applies {@code rules}, in order, to a service's security. */
    public static void authorize(List<ApiAccess> rules,
                                 AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
                                         requests) {
        for (ApiAccess rule : rules) {
            String[] patterns = rule.patterns().toArray(String[]::new);
            (rule.method() == null ? requests.requestMatchers(patterns) : requests.requestMatchers(rule.method(), patterns))
                    .hasAnyRole(rule.roles().toArray(String[]::new));
        }
    }

    /**
     * The roles the first of {@code rules} to match a request needs; empty when none matches (any user of the
     * ledger may send it). {@code path} may be an OpenAPI path template: {@code {id}} is matched by {@code *}.
     */
    public static Optional<List<String>> rolesFor(List<ApiAccess> rules, HttpMethod method, String path) {
        return rules.stream()
                .filter(rule -> rule.method() == null || rule.method().equals(method))
                .filter(rule -> rule.patterns().stream().anyMatch(pattern -> PATHS.match(pattern, path)))
                .findFirst()
                .map(ApiAccess::roles);
    }
}
