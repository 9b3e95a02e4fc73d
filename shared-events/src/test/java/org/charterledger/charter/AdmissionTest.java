package org.charterledger.charter;

import org.charterledger.events.CountryCode;
import org.charterledger.events.PartyCategory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** CHARTER.md §1, the table of parties: which category a government of which country may be admitted in. */
class AdmissionTest {

    @ParameterizedTest(name = "{0} from {1}: {2} {3}")
    @CsvSource({
            // the six member countries of Art. 4
            "MEMBER,    CN, admitted,",
            "MEMBER,    KP, admitted,",
            "MEMBER,    JP, admitted,",
            "MEMBER,    MN, admitted,",
            "MEMBER,    KR, admitted,",
            "MEMBER,    RU, admitted,",
            // elsewhere in Asia: associate only (Art. 4-2)
            "MEMBER,    VN, member-country,    Charter Art. 4",
            "ASSOCIATE, VN, admitted,",
            "ASSOCIATE, TH, admitted,",
            "ASSOCIATE, KR, associate-country, Charter Art. 4-2",
            "ASSOCIATE, FR, associate-country, Charter Art. 4-2",
            "MEMBER,    US, member-country,    Charter Art. 4",
            // observers: any government the Association invites (Miyagi, Novosibirsk)
            "OBSERVER,  JP, admitted,",
            "OBSERVER,  RU, admitted,",
            "OBSERVER,  DE, admitted,",
    })
    void categoryByCountry(PartyCategory category, String country, String outcome, String article) {
        var violation = Admission.checkCountry(category, CountryCode.of(country));

        assertThat(violation.map(RuleViolation::rule).orElse("admitted")).isEqualTo(outcome);
        assertThat(violation.map(RuleViolation::article).orElse(null)).isEqualTo(article);
    }
}
