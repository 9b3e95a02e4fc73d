package org.charterledger.command.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A configuration that cannot work stops the service at start, naming the user, instead of failing its requests. */
class LedgerUsersTest {

    @Test
    void aDelegateWithoutAMemberIsRefusedAtStart() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LedgerUsers.User("ulsan", "pw", List.of("DELEGATE"), null))
                .withMessageContaining("DELEGATE ulsan needs the member");
    }

    @Test
    void aDelegateOfAMalformedMemberIsRefusedAtStart() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LedgerUsers.User("ulsan", "pw", List.of("DELEGATE"), "ulsan"))
                .withMessageContaining("the member of the DELEGATE ulsan");
    }

    @Test
    void aDelegateOfAMemberAndAUserWithoutRolesAreFine() {
        assertThat(new LedgerUsers.User("ulsan", "pw", List.of("DELEGATE"), "KR-ULSAN").member()).isEqualTo("KR-ULSAN");
        assertThat(new LedgerUsers.User("x", "pw", null, null).roles()).isEmpty();
    }
}
