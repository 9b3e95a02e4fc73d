package org.charterledger.query.offices;

import org.charterledger.events.ActingChairDesignated;
import org.charterledger.events.ActingChairEnded;
import org.charterledger.events.AdmissionBasis;
import org.charterledger.events.AuditorElected;
import org.charterledger.events.ChairTermBegan;
import org.charterledger.events.ChairTermEnded;
import org.charterledger.events.CountryCode;
import org.charterledger.events.MeetingId;
import org.charterledger.events.MemberAdmitted;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionId;
import org.charterledger.events.PartyCategory;
import org.charterledger.events.SecretaryGeneralAppointed;
import org.charterledger.events.SecretaryGeneralLeftOffice;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chair, acting chairs, the Secretary-General and the auditors from the offices view, on the in-memory views:
 * Sakha chairs from the opening balance until GA13, which it hosted, closes on 2021-08-10 and Ulsan, elected there,
 * takes over.
 */
class OfficesViewTest {

    private static final MemberId SAKHA = new MemberId("RU-SAKHA");
    private static final MemberId ULSAN = new MemberId("KR-ULSAN");
    private static final MemberId GYEONGBUK = new MemberId("KR-GYEONGBUK");
    private static final MeetingId GA13 = new MeetingId("GA13");
    private static final LocalDate OPENING = LocalDate.of(2021, 1, 1);
    private static final LocalDate GA13_DAY = LocalDate.of(2021, 8, 10);
    private static final LocalDate JANUARY_2022 = LocalDate.of(2022, 1, 3);
    private static final Clock TODAY = Clock.fixed(LocalDate.of(2022, 6, 1).atStartOfDay().toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);

    private Views views;
    private OfficeController offices;

    @BeforeEach
    void twoChairsTwoSecretariesGeneralAndTheAuditorsOfTheSecondTerm() {
        views = Views.empty().given(
                admitted(SAKHA, "Sakha Republic"), admitted(ULSAN, "Ulsan"), admitted(GYEONGBUK, "Gyeongbuk"),
                new ChairTermBegan(13, SAKHA, OPENING, null, null),
                new SecretaryGeneralAppointed("KIM Okchae", null, null, OPENING),
                new ActingChairDesignated(13, SAKHA, "First Deputy Chairman", LocalDate.of(2021, 3, 1), "illness"),
                new ActingChairEnded(13, LocalDate.of(2021, 5, 1)),
                new ChairTermEnded(13, SAKHA, GA13_DAY, GA13),
                new ChairTermBegan(14, ULSAN, GA13_DAY, new MotionId("GA13-M1"), GA13),
                new AuditorElected(SAKHA, CountryCode.of("RU"), 14, GA13_DAY, new MotionId("GA13-M3")),
                new AuditorElected(GYEONGBUK, CountryCode.of("KR"), 14, GA13_DAY, new MotionId("GA13-M4")),
                new SecretaryGeneralLeftOffice("KIM Okchae", JANUARY_2022),
                new SecretaryGeneralAppointed("LEE Someone", GYEONGBUK, ULSAN, JANUARY_2022));
        offices = new OfficeController(views.jdbc(), TODAY);
    }

    @AfterEach
    void close() {
        views.close();
    }

    @Test
    void theChairsHistoryInOrderWithTheirDecisionsAndActingPeriods() {
        OfficeController.ChairHistory history = offices.history();

        assertThat(history.terms()).isEqualTo(2);
        assertThat(history.chairs().get(0)).isEqualTo(new OfficeController.ChairTerm(13, "RU-SAKHA", "Sakha Republic",
                OPENING, GA13_DAY, null, null, "GA13", false,
                List.of(new OfficeController.Acting("First Deputy Chairman", LocalDate.of(2021, 3, 1),
                        LocalDate.of(2021, 5, 1), "illness", 6)),
                4, 8L));
        assertThat(history.chairs().get(1)).isEqualTo(new OfficeController.ChairTerm(14, "KR-ULSAN", "Ulsan", GA13_DAY,
                null, "GA13-M1", "GA13", null, true, List.of(), 9, null));
    }

    @ParameterizedTest(name = "on {0}: the {1}th chair, acting: {2}")
    @CsvSource({
            "2021-01-01, 13, ",
            "2021-03-01, 13, First Deputy Chairman",
            "2021-04-30, 13, First Deputy Chairman",
            "2021-05-01, 13, ",
            "2021-08-09, 13, ",
            "2021-08-10, 14, ",   // the chair passes on the last day of the Assembly the outgoing chair hosts
            "2022-06-01, 14, ",
    })
    void theChairOnADateWithTheDeputyActingThen(LocalDate asOf, int ordinal, String acting) {
        OfficeController.ChairOnADate chair = offices.chair(asOf);

        assertThat(chair.asOf()).isEqualTo(asOf);
        assertThat(chair.chair().ordinal()).isEqualTo(ordinal);
        assertThat(chair.chair().inOffice()).isTrue();
        assertThat(chair.actingChair() == null ? null : chair.actingChair().deputy()).isEqualTo(acting);
    }

    @Test
    void noChairBeforeTheRecordStarts() {
        assertThatThrownBy(() -> offices.chair(OPENING.minusDays(1)))
                .isInstanceOfSatisfying(NotFound.class, notFound -> assertThat(notFound.field()).isEqualTo("asOf"))
                .hasMessage("the ledger records no chair on 2020-12-31");
        assertThatThrownBy(() -> offices.auditors(OPENING.minusDays(1))).isInstanceOf(NotFound.class);
    }

    @Test
    void theSecretaryGeneralOnADateWithWhoProposedAndAppointed() {
        OfficeController.SecretaryGeneralOnADate kim = offices.secretaryGeneral(JANUARY_2022.minusDays(1));
        OfficeController.SecretaryGeneralOnADate lee = offices.secretaryGeneral(null);

        assertThat(kim.secretaryGeneral()).isEqualTo(new OfficeController.SecretaryGeneralTerm("KIM Okchae", OPENING,
                JANUARY_2022, null, null, 5, 12L));
        assertThat(lee.asOf()).isEqualTo(LocalDate.of(2022, 6, 1));
        assertThat(lee.secretaryGeneral()).isEqualTo(new OfficeController.SecretaryGeneralTerm("LEE Someone",
                JANUARY_2022, null, "KR-GYEONGBUK", "KR-ULSAN", 13, null));
        assertThat(lee.articles()).containsExactly("Charter Art. 13");
        assertThatThrownBy(() -> offices.secretaryGeneral(OPENING.minusDays(1)))
                .isInstanceOfSatisfying(NotFound.class, notFound -> assertThat(notFound.field()).isEqualTo("asOf"));
    }

    @Test
    void theAuditorsOfTheChairsTermOnADateOnePerCountry() {
        OfficeController.AuditorsOnADate term14 = offices.auditors(LocalDate.of(2021, 9, 1));
        OfficeController.AuditorsOnADate term13 = offices.auditors(LocalDate.of(2021, 8, 9));

        assertThat(term14.term()).isEqualTo(14);
        assertThat(term14.auditors()).containsExactly(
                new OfficeController.Auditor("KR-GYEONGBUK", "Gyeongbuk", "KR", GA13_DAY, "GA13-M4", 11),
                new OfficeController.Auditor("RU-SAKHA", "Sakha Republic", "RU", GA13_DAY, "GA13-M3", 10));
        assertThat(term14.articles()).containsExactly("Charter Art. 7(2)");
        assertThat(term13.term()).isEqualTo(13);
        assertThat(term13.auditors()).isEmpty();
    }

    private static MemberAdmitted admitted(MemberId id, String name) {
        return new MemberAdmitted(id, id.countryPrefix(), name, null, PartyCategory.MEMBER, OPENING,
                AdmissionBasis.OPENING_BALANCE, null);
    }
}
