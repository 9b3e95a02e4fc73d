package org.charterledger.command.membership;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.charterledger.events.AdmissionBasis;
import org.charterledger.events.CountryCode;
import org.charterledger.events.MemberAdmitted;
import org.charterledger.events.MemberId;
import org.charterledger.events.PartyCategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.charterledger.events.PartyCategory.ASSOCIATE;
import static org.charterledger.events.PartyCategory.MEMBER;
import static org.charterledger.events.PartyCategory.OBSERVER;

class MemberTest {

    private static final LocalDate OPENING = LocalDate.of(2021, 1, 1);
    private FixtureConfiguration<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
    }

    @Test
    void admitsAMemberOnTheOpeningBalance() {
        fixture.givenNoPriorActivity()
                .when(admit("KR-ULSAN", "KR", MEMBER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(admitted("KR-ULSAN", "KR", MEMBER));
    }

    @Test
    void admitsAnAssociateFromElsewhereInAsia() {
        fixture.givenNoPriorActivity()
                .when(admit("VN-HO-CHI-MINH-CITY", "VN", ASSOCIATE))
                .expectEvents(admitted("VN-HO-CHI-MINH-CITY", "VN", ASSOCIATE));
    }

    @Test
    void admitsAnObserverFromAnyCountry() {
        fixture.givenNoPriorActivity()
                .when(admit("RU-NOVOSIBIRSK", "RU", OBSERVER))
                .expectEvents(admitted("RU-NOVOSIBIRSK", "RU", OBSERVER));
    }

    @Test
    void refusesToAdmitTheSameIdTwice() {
        fixture.given(admitted("KR-ULSAN", "KR", MEMBER))
                .when(admit("KR-ULSAN", "KR", MEMBER))
                .expectException(AlreadyAdmitted.class)
                .expectNoEvents();
    }

    @Test
    void refusesAnObserverIdAdmittedAgainAsAnObserver() {
        fixture.given(admitted("JP-MIYAGI", "JP", OBSERVER))
                .when(admit("JP-MIYAGI", "JP", OBSERVER))
                .expectException(AlreadyAdmitted.class)
                .expectNoEvents();
    }

    @Test
    void refusesAMemberFromOutsideTheSixCountries() {
        fixture.givenNoPriorActivity()
                .when(admit("VN-HO-CHI-MINH-CITY", "VN", MEMBER))
                .expectException(AdmissionRefused.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("VN is none of these"))
                .expectNoEvents();
    }

    @Test
    void refusesAnAssociateFromAMemberCountry() {
        fixture.givenNoPriorActivity()
                .when(admit("KR-ULSAN", "KR", ASSOCIATE))
                .expectException(AdmissionRefused.class)
                .expectNoEvents();
    }

    @Test
    void refusesAnIdLedByAnotherCountry() {
        fixture.givenNoPriorActivity()
                .when(admit("KR-ULSAN", "JP", MEMBER))
                .expectException(AdmissionRefused.class)
                .expectExceptionMessage("the id KR-ULSAN must start with the country code JP")
                .expectNoEvents();
    }

    private static AdmitMember admit(String id, String country, PartyCategory category) {
        return new AdmitMember(new MemberId(id), CountryCode.of(country), id + " government", null, category,
                OPENING, AdmissionBasis.OPENING_BALANCE);
    }

    private static MemberAdmitted admitted(String id, String country, PartyCategory category) {
        return new MemberAdmitted(new MemberId(id), CountryCode.of(country), id + " government", null, category,
                OPENING, AdmissionBasis.OPENING_BALANCE);
    }
}
