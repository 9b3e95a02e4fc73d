package org.charterledger.query.register;

import org.charterledger.events.AdmissionBasis;
import org.charterledger.events.CountryCode;
import org.charterledger.events.MemberAdmitted;
import org.charterledger.events.MemberExpelled;
import org.charterledger.events.MemberId;
import org.charterledger.events.MemberWithdrew;
import org.charterledger.events.MotionId;
import org.charterledger.events.PartyCategory;
import org.charterledger.query.Views;
import org.charterledger.query.config.NotFound;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.charterledger.events.PartyCategory.ASSOCIATE;
import static org.charterledger.events.PartyCategory.MEMBER;
import static org.charterledger.events.PartyCategory.OBSERVER;

/** The register view, fed events and asked on dates, on the in-memory views (RegisterQueriesIT on PostgreSQL). */
class RegisterViewTest {

    private static final LocalDate OPENING = LocalDate.of(2021, 1, 1);
    private static final LocalDate GA13 = LocalDate.of(2021, 8, 10);
    private static final MotionId GA13_M2 = new MotionId("GA13-M2");
    private static final Clock TODAY = Clock.fixed(LocalDate.of(2023, 6, 1).atStartOfDay().toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);

    private Views views;
    private RegisterController register;

    @BeforeEach
    void feedTheRecord() {
        views = Views.empty().given(
                opening("KR-ULSAN", MEMBER),
                opening("JP-MIYAGI", OBSERVER),
                opening("CN-LIAONING", OBSERVER),
                new MemberAdmitted(new MemberId("CN-LIAONING"), CountryCode.of("CN"), "CN-LIAONING government", null,
                        MEMBER, GA13, AdmissionBasis.DECISION, GA13_M2),
                opening("VN-HO-CHI-MINH-CITY", ASSOCIATE),
                opening("JP-FUKUI", MEMBER),
                new MemberWithdrew(new MemberId("JP-FUKUI"), LocalDate.of(2022, 4, 1), "letter"),
                opening("KP-RASON", MEMBER),
                new MemberExpelled(new MemberId("KP-RASON"), LocalDate.of(2025, 8, 20), GA13_M2));
        register = new RegisterController(views.jdbc(), TODAY);
    }

    @AfterEach
    void close() {
        views.close();
    }

    @Test
    void theRegisterOnADateCountsEachCategoryInCountryOrder() {
        RegisterController.Register onThe30thOfJune = register.register(null, null, LocalDate.of(2021, 6, 30), null);

        assertThat(onThe30thOfJune.asOf()).isEqualTo(LocalDate.of(2021, 6, 30));
        assertThat(onThe30thOfJune.total()).isEqualTo(6);
        assertThat(onThe30thOfJune.byCategory()).isEqualTo(Map.of(MEMBER, 3, OBSERVER, 2, ASSOCIATE, 1));
        assertThat(onThe30thOfJune.parties()).extracting(RegisterController.Party::id).containsExactly(
                "CN-LIAONING", "JP-FUKUI", "JP-MIYAGI", "KP-RASON", "KR-ULSAN", "VN-HO-CHI-MINH-CITY");
    }

    @Test
    void nothingIsOnTheRegisterBeforeTheOpeningBalance() {
        RegisterController.Register before = register.register(null, null, OPENING.minusDays(1), null);

        assertThat(before.total()).isZero();
        assertThat(before.byCategory()).isEmpty();
        assertThat(before.parties()).isEmpty();
    }

    @Test
    void anObserverAdmittedAsAMemberIsOneMemberFromTheDecisionsDay() {
        assertThat(register.party(new MemberId("CN-LIAONING"), GA13.minusDays(1), null))
                .isEqualTo(new RegisterController.Party("CN-LIAONING", "CN", "CN-LIAONING government", null, OBSERVER,
                        OPENING, "OPENING_BALANCE"));
        assertThat(register.party(new MemberId("CN-LIAONING"), GA13, null))
                .isEqualTo(new RegisterController.Party("CN-LIAONING", "CN", "CN-LIAONING government", null, MEMBER,
                        GA13, "DECISION"));
        assertThat(register.register(null, CountryCode.of("CN"), GA13, null).parties()).hasSize(1);
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
            "JP-FUKUI, 2022-03-31, MEMBER",
            "JP-FUKUI, 2022-04-01, gone",   // withdrew that day
            "KP-RASON, 2025-08-19, MEMBER",
            "KP-RASON, 2025-08-20, gone",   // expelled that day
            "KR-ULSAN, 2020-12-31, gone",   // before the opening balance
            "KR-ULSAN, 2023-06-01, MEMBER",
    })
    void aPartyIsOnTheRegisterFromItsAdmissionUntilTheDayItLeaves(String id, LocalDate asOf, String expected) {
        if (expected.equals("gone")) {
            assertThatThrownBy(() -> register.party(new MemberId(id), asOf, null))
                    .isInstanceOfSatisfying(NotFound.class, notFound -> assertThat(notFound.field()).isEqualTo("id"))
                    .hasMessage(id + " is not on the register on " + asOf);
        } else {
            assertThat(register.party(new MemberId(id), asOf, null).category())
                    .isEqualTo(PartyCategory.valueOf(expected));
        }
    }

    @Test
    void filtersByCategoryAndCountry() {
        assertThat(register.register(MEMBER, null, LocalDate.of(2023, 1, 1), null).parties())
                .extracting(RegisterController.Party::id).containsExactly("CN-LIAONING", "KP-RASON", "KR-ULSAN");
        assertThat(register.register(null, CountryCode.of("JP"), LocalDate.of(2021, 6, 30), null).parties())
                .extracting(RegisterController.Party::id).containsExactly("JP-FUKUI", "JP-MIYAGI");
        assertThat(register.register(OBSERVER, CountryCode.of("JP"), LocalDate.of(2021, 6, 30), null).byCategory())
                .isEqualTo(Map.of(OBSERVER, 1));
    }

    @Test
    void withoutADateTheRegisterIsToday() {
        assertThat(register.register(null, null, null, null).asOf()).isEqualTo(LocalDate.of(2023, 6, 1));
        assertThat(register.party(new MemberId("KR-ULSAN"), null, null).since()).isEqualTo(OPENING);
    }

    @Test
    void aResetEmptiesTheViewAndAReplayFillsItAgain() {
        views.reset();

        assertThat(register.register(null, null, LocalDate.of(2021, 6, 30), null).total()).isZero();

        views.given(opening("KR-ULSAN", MEMBER));
        assertThat(register.register(null, null, LocalDate.of(2021, 6, 30), null).parties())
                .extracting(RegisterController.Party::id).containsExactly("KR-ULSAN");
    }

    private static MemberAdmitted opening(String id, PartyCategory category) {
        return new MemberAdmitted(new MemberId(id), CountryCode.of(id.substring(0, 2)), id + " government", null,
                category, OPENING, AdmissionBasis.OPENING_BALANCE, null);
    }
}
