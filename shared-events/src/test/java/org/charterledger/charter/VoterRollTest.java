package org.charterledger.charter;

import org.charterledger.events.FiscalYear;
import org.charterledger.events.MemberId;
import org.charterledger.events.Money;
import org.charterledger.events.PartyCategory;
import org.charterledger.events.PaymentId;
import org.charterledger.events.RollEntry;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class VoterRollTest {

    private static final LocalDate GA = LocalDate.of(2018, 8, 10);

    @Test
    void membersNotRestrictedVoteAndEveryoneElseIsLeftOffWithTheReason() {
        Map<MemberId, PartyFacts> parties = Map.of(
                id("KR-ULSAN"), member(LocalDate.of(2015, 6, 1), "2016 2017 2018"),
                id("RU-TYVA"), member(LocalDate.of(2015, 6, 1), "2016"),
                id("VN-HO-CHI-MINH-CITY"), party(PartyCategory.ASSOCIATE),
                id("JP-MIYAGI"), party(PartyCategory.OBSERVER),
                id("CN-LATE"), new PartyFacts(List.of(new MembershipPeriod(PartyCategory.MEMBER,
                        LocalDate.of(2019, 1, 1), null, false)), List.of()));

        VoterRoll roll = VoterRoll.at(parties, DuesRates.initial(), GA);

        assertThat(roll.entries()).extracting(RollEntry::member).containsExactly(id("KR-ULSAN"));
        assertThat(roll.leftOff()).extracting(l -> l.party().value())
                .containsExactly("JP-MIYAGI", "RU-TYVA", "VN-HO-CHI-MINH-CITY");
        assertThat(VoterRoll.whyNot(roll.leftOff(), id("RU-TYVA"))).contains("restricted since 2018-05-01")
                .contains("Dues Regulation Art. 6");
        assertThat(roll.leftOff().get(1).restrictedSince()).isEqualTo(LocalDate.of(2018, 5, 1));
        assertThat(VoterRoll.whyNot(roll.leftOff(), id("VN-HO-CHI-MINH-CITY"))).contains("Charter Art. 5-2");
        assertThat(VoterRoll.whyNot(roll.leftOff(), id("CN-LATE"))).contains("not a party");
        assertThat(roll.contains(id("KR-ULSAN"))).isTrue();
    }

    private static MemberId id(String value) {
        return new MemberId(value);
    }

    private static PartyFacts party(PartyCategory category) {
        return new PartyFacts(List.of(new MembershipPeriod(category, LocalDate.of(2010, 1, 1), null, false)), List.of());
    }

    private static PartyFacts member(LocalDate from, String paidYears) {
        PartyFacts facts = new PartyFacts(List.of(new MembershipPeriod(PartyCategory.MEMBER, from, null, false)),
                List.of());
        for (String year : paidYears.split(" ")) {
            facts = facts.withPayment(new Payment(new PaymentId(UUID.randomUUID().toString()),
                    FiscalYear.of(Integer.parseInt(year)), Money.of("1000", "USD"),
                    LocalDate.of(Integer.parseInt(year), 3, 1), null));
        }
        return facts;
    }
}
