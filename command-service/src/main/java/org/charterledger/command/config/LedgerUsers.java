package org.charterledger.command.config;

import org.charterledger.events.MemberId;
import org.charterledger.web.ConfiguredUsers;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The users allowed to call the service, from configuration ({@code ledger.security.users}); passwords come from the
 * environment.
 */
@ConfigurationProperties("ledger.security")
public record LedgerUsers(List<User> users) implements ConfiguredUsers {

    public LedgerUsers {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * A user; a DELEGATE names the member whose votes it casts. A configuration that cannot work stops the service
     * at start, saying which user is wrong, rather than failing the user's requests.
     */
    public record User(String name, String password, List<String> roles, String member)
            implements ConfiguredUsers.User {

        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
            if (roles.contains(SecurityConfig.DELEGATE)) {
                if (member == null || member.isBlank()) {
                    throw new IllegalArgumentException("the DELEGATE " + name + " needs the member whose votes it"
                            + " casts (ledger.security.users[].member, such as KR-ULSAN)");
                }
                try {
                    new MemberId(member);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("the member of the DELEGATE " + name + " " + e.getMessage(), e);
                }
            }
        }
    }
}
