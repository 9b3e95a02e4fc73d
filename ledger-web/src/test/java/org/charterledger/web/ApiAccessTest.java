package org.charterledger.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The roles an operation of the document states are those the first matching rule of access requires. */
class ApiAccessTest {

    private static final List<ApiAccess> COMMANDS = List.of(
            ApiAccess.of(HttpMethod.POST, List.of("/api/motions/*/votes"), "SECRETARIAT", "DELEGATE"),
            ApiAccess.of(null, List.of("/api/**"), "SECRETARIAT"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            POST | /api/motions/{id}/votes      | SECRETARIAT DELEGATE
            POST | /api/motions/{id}/ballots    | SECRETARIAT
            POST | /api/members                 | SECRETARIAT
            POST | /api/members/{id}/withdrawal | SECRETARIAT
            GET  | /actuator/health             |
            """)
    void theFirstRuleThatMatchesDecides(String method, String path, String roles) {
        List<String> expected = roles == null ? List.of() : List.of(roles.split(" "));

        assertThat(ApiAccess.rolesFor(COMMANDS, HttpMethod.valueOf(method), path).orElse(List.of()))
                .isEqualTo(expected);
    }
}
