package org.charterledger.command.voting;

import org.charterledger.command.Rejection;
import org.charterledger.command.config.LedgerUsers;
import org.charterledger.command.config.SecurityConfig;
import org.charterledger.events.MemberId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Charter Art. 9(1): a DELEGATE is bound to one member (configured as {@code member}) and may cast that member's vote
 * and no other.
 */
@Component
class Delegates {

    private final LedgerUsers users;

    Delegates(LedgerUsers users) {
        this.users = users;
    }

    void checkMayVoteFor(MemberId member) {
        Authentication principal = SecurityContextHolder.getContext().getAuthentication();
        boolean secretariat = principal.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + SecurityConfig.SECRETARIAT));
        if (secretariat) {
            return;
        }
        String boundTo = users.users().stream().filter(u -> u.name().equals(principal.getName()))
                .map(LedgerUsers.User::member).findFirst().orElse(null);
        if (!member.value().equals(boundTo)) {
            throw new NotYourVote(principal.getName(), member);
        }
    }

    /** A delegate tried to cast another member's vote. */
    static class NotYourVote extends Rejection {

        NotYourVote(String delegate, MemberId member) {
            super(Reason.FORBIDDEN, "not-your-vote", "member", "delegate-of-member", "Charter Art. 9(1)",
                    delegate + " is not the delegate of " + member + " and may not cast its vote");
        }
    }
}
