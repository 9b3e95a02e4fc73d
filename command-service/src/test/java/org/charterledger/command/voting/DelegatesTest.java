package org.charterledger.command.voting;

import org.charterledger.command.Rejection;
import org.charterledger.command.config.LedgerUsers;
import org.charterledger.command.config.SecurityConfig;
import org.charterledger.events.MemberId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.charterledger.command.Refusals.refusal;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/** A delegate casts its own member's vote and no other (Charter Art. 9(1)); the Secretariat records any. */
class DelegatesTest {

    private static final MemberId ULSAN = new MemberId("KR-ULSAN");
    private static final MemberId BUSAN = new MemberId("KR-BUSAN");

    private final Delegates delegates = new Delegates(new LedgerUsers(List.of(
            new LedgerUsers.User("delegate-kr-ulsan", "pw", List.of(SecurityConfig.DELEGATE), ULSAN.value()),
            new LedgerUsers.User("secretariat", "pw", List.of(SecurityConfig.SECRETARIAT), null))));

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aDelegateCastsItsOwnMembersVote() {
        signIn("delegate-kr-ulsan", SecurityConfig.DELEGATE);

        assertThatCode(() -> delegates.checkMayVoteFor(ULSAN)).doesNotThrowAnyException();
    }

    @Test
    void aDelegateMayNotCastAnotherMembersVote() {
        signIn("delegate-kr-ulsan", SecurityConfig.DELEGATE);

        Rejection refused = catchThrowableOfType(Rejection.class, () -> delegates.checkMayVoteFor(BUSAN));

        assertThat(refused, refusal("member", "delegate-of-member", "Charter Art. 9(1)"));
        assertThat(refused.reason(), is(Rejection.Reason.FORBIDDEN));
        assertThat(refused.type(), is("not-your-vote"));
    }

    @Test
    void theSecretariatRecordsAnyMembersVote() {
        signIn("secretariat", SecurityConfig.SECRETARIAT);

        assertThatCode(() -> delegates.checkMayVoteFor(BUSAN)).doesNotThrowAnyException();
    }

    private static void signIn(String name, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name,
                null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }
}
