package org.charterledger.web;

import java.util.List;

/**
 * The users a service lets in, as its configuration ({@code ledger.security.users}) names them: each service binds
 * its own record (the command service's users may be delegates of a member), and both log them in the same way
 * ({@link LedgerSecurity}).
 */
public interface ConfiguredUsers {

    List<? extends User> users();

    /** A user: the name, the password (from the environment) and the roles it holds. */
    interface User {

        String name();

        String password();

        List<String> roles();
    }
}
