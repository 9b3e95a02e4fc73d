package org.charterledger.command.reference;

import org.charterledger.command.membership.AdmitMember;
import org.charterledger.events.AdmissionBasis;
import org.charterledger.events.PartyCategory;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** NEAR's register as it stood on 1 January 2021, read from the reference file. */
class ReferenceDataImportTest {

    private final List<AdmitMember> parties =
            ReferenceDataImport.openingBalance(new ClassPathResource("reference/near-2021.yaml"));

    ReferenceDataImportTest() throws Exception {
    }

    @Test
    void holds78Members1AssociateAnd3Observers() {
        Map<PartyCategory, Long> byCategory = parties.stream()
                .collect(Collectors.groupingBy(AdmitMember::category, Collectors.counting()));

        assertThat(byCategory).containsExactlyInAnyOrderEntriesOf(Map.of(
                PartyCategory.MEMBER, 78L, PartyCategory.ASSOCIATE, 1L, PartyCategory.OBSERVER, 3L));
    }

    @Test
    void liaoningIsStillAnObserverOnTheOpeningBalance() {
        AdmitMember liaoning = byId().get("CN-LIAONING");

        assertThat(liaoning.category()).isEqualTo(PartyCategory.OBSERVER);
        assertThat(liaoning.country().value()).isEqualTo("CN");
    }

    @Test
    void everyPartyIsAnOpeningBalanceOn1January2021() {
        assertThat(parties).allSatisfy(party -> {
            assertThat(party.admittedOn()).isEqualTo(LocalDate.of(2021, 1, 1));
            assertThat(party.basis()).isEqualTo(AdmissionBasis.OPENING_BALANCE);
        });
        assertThat(byId()).hasSize(82);
    }

    @Test
    void readsCountriesOfAssociatesAndObservers() {
        assertThat(byId().get("VN-HO-CHI-MINH-CITY").country().value()).isEqualTo("VN");
        assertThat(byId().get("RU-NOVOSIBIRSK").category()).isEqualTo(PartyCategory.OBSERVER);
        assertThat(byId().get("KP-RASON").category()).isEqualTo(PartyCategory.MEMBER);
    }

    private Map<String, AdmitMember> byId() {
        return parties.stream().collect(Collectors.toMap(p -> p.member().value(), Function.identity()));
    }
}
