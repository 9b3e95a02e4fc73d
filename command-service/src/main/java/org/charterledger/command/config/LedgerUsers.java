package org.charterledger.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The users allowed to call the service, from configuration ({@code ledger.security.users}); passwords come from the
 * environment.
 */
@ConfigurationProperties("ledger.security")
public record LedgerUsers(List<User> users) {

    public LedgerUsers {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** A user; a DELEGATE names the member whose votes it casts. */
    public record User(String name, String password, List<String> roles, String member) {
    }
}
