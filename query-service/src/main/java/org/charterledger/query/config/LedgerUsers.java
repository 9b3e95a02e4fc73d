package org.charterledger.query.config;

import org.charterledger.web.ConfiguredUsers;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The users allowed to call the service, from configuration ({@code ledger.security.users}); passwords come from the
 * environment. With {@code anonymous-reads} the query API answers without credentials too.
 */
@ConfigurationProperties("ledger.security")
public record LedgerUsers(List<User> users, boolean anonymousReads) implements ConfiguredUsers {

    public LedgerUsers {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record User(String name, String password, List<String> roles) implements ConfiguredUsers.User {
    }
}
