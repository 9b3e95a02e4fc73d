package org.charterledger.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ValueTypesTest {

    @ParameterizedTest
    @ValueSource(strings = {"KR-ULSAN", "VN-HO-CHI-MINH-CITY", "MN-BAYAN-OLGII", "RU-SAKHA"})
    void acceptsCountryLedSlugs(String id) {
        assertThat(new MemberId(id).toString()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ULSAN", "kr-ulsan", "KR_ULSAN", "KR-", "KR--ULSAN", "KR-ULSAN-", "K-ULSAN", " KR-ULSAN"})
    void refusesAnythingElse(String id) {
        assertThatIllegalArgumentException().isThrownBy(() -> new MemberId(id));
    }

    @Test
    void refusesOverlongIds() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MemberId("KR-" + "A".repeat(MemberId.MAX_LENGTH)));
    }

    @Test
    void knowsItsCountryPrefix() {
        assertThat(new MemberId("VN-HO-CHI-MINH-CITY").countryPrefix()).isEqualTo(CountryCode.of("VN"));
    }

    @Test
    void knowsWhetherItIsLedByACountryCodeThatExists() {
        assertThat(new MemberId("KR-ULSAN").ledByCountryCode()).isTrue();
        assertThat(new MemberId("XX-NOWHERE").ledByCountryCode()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"KR", "MN", "VN", "KP"})
    void acceptsIsoCountryCodes(String code) {
        assertThat(CountryCode.of(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kr", "KOR", "XX", "", "K"})
    void refusesOtherCountryCodes(String code) {
        assertThatIllegalArgumentException().isThrownBy(() -> CountryCode.of(code));
    }
}
