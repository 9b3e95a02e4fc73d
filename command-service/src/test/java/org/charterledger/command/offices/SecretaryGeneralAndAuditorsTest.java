package org.charterledger.command.offices;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.charterledger.command.offices.SecretaryGeneral.AppointSecretaryGeneral;
import org.charterledger.command.offices.SecretaryGeneral.EndSecretaryGeneralTerm;
import org.charterledger.command.offices.SecretaryGeneral.RecordSecretaryGeneralOnOpeningBalance;
import org.charterledger.events.AuditorElected;
import org.charterledger.events.CountryCode;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionId;
import org.charterledger.events.SecretaryGeneralAppointed;
import org.charterledger.events.SecretaryGeneralLeftOffice;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.charterledger.command.Refusals.refusal;

class SecretaryGeneralAndAuditorsTest {

    private static final String SG = SecretaryGeneral.ID;
    private static final MemberId GYEONGBUK = new MemberId("KR-GYEONGBUK");
    private static final MemberId ULSAN = new MemberId("KR-ULSAN");
    private static final LocalDate DAY = LocalDate.of(2022, 1, 3);
    private static final SecretaryGeneralAppointed KIM =
            new SecretaryGeneralAppointed("KIM Okchae", null, null, LocalDate.of(2021, 1, 1));

    private final AggregateTestFixture<SecretaryGeneral> secretaryGeneral = new AggregateTestFixture<>(SecretaryGeneral.class);
    private final AggregateTestFixture<Auditors> auditors = new AggregateTestFixture<>(Auditors.class);

    @Test
    void theChairAppointsOnTheProposalOfTheSecretariatsHost() {
        secretaryGeneral.given(KIM, new SecretaryGeneralLeftOffice("KIM Okchae", DAY))
                .when(new AppointSecretaryGeneral(SG, "LEE Someone", GYEONGBUK, ULSAN, DAY, GYEONGBUK, ULSAN))
                .expectEvents(new SecretaryGeneralAppointed("LEE Someone", GYEONGBUK, ULSAN, DAY));
    }

    @Test
    void refusesAProposalByAnotherGovernmentAndAnAppointmentByOtherThanTheChair() {
        secretaryGeneral.givenNoPriorActivity()
                .when(new AppointSecretaryGeneral(SG, "LEE", ULSAN, ULSAN, DAY, GYEONGBUK, ULSAN))
                .expectException(SecretaryGeneral.Refused.class)
                .expectException(refusal("proposedBy", "proposed-by-secretariat-host", "Charter Art. 13"))
                .expectNoEvents();
        secretaryGeneral.givenNoPriorActivity()
                .when(new AppointSecretaryGeneral(SG, "LEE", GYEONGBUK, GYEONGBUK, DAY, GYEONGBUK, ULSAN))
                .expectException(SecretaryGeneral.Refused.class)
                .expectException(refusal("appointedBy", "appointed-by-the-chair", "Charter Art. 13"))
                .expectNoEvents();
        secretaryGeneral.givenNoPriorActivity()
                .when(new AppointSecretaryGeneral(SG, "LEE", GYEONGBUK, ULSAN, DAY, GYEONGBUK, null))
                .expectException(SecretaryGeneral.Refused.class)
                .expectException(refusal("appointedBy", "appointed-by-the-chair", "Charter Art. 13"))
                .expectNoEvents();
    }

    @Test
    void oneAtATime() {
        secretaryGeneral.given(KIM)
                .when(new AppointSecretaryGeneral(SG, "LEE", GYEONGBUK, ULSAN, DAY, GYEONGBUK, ULSAN))
                .expectException(SecretaryGeneral.Refused.class)
                .expectException(refusal("name", "one-at-a-time", "Charter Art. 13"))
                .expectNoEvents();
        secretaryGeneral.given(KIM)
                .when(new RecordSecretaryGeneralOnOpeningBalance(SG, "LEE", DAY))
                .expectException(SecretaryGeneral.Refused.class)
                .expectException(refusal("name", "one-at-a-time", "Charter Art. 13"))
                .expectNoEvents();
    }

    @Test
    void leavesOfficeAfterTakingItAndOnlyThen() {
        secretaryGeneral.given(KIM)
                .when(new EndSecretaryGeneralTerm(SG, DAY))
                .expectEvents(new SecretaryGeneralLeftOffice("KIM Okchae", DAY));
        secretaryGeneral.given(KIM)
                .when(new EndSecretaryGeneralTerm(SG, LocalDate.of(2021, 1, 1)))
                .expectException(SecretaryGeneral.Refused.class)
                .expectException(refusal("on", "after-appointment", "Charter Art. 13"))
                .expectNoEvents();
        secretaryGeneral.given(KIM, new SecretaryGeneralLeftOffice("KIM Okchae", DAY))
                .when(new EndSecretaryGeneralTerm(SG, DAY.plusDays(1)))
                .expectException(SecretaryGeneral.Refused.class)
                .expectException(refusal("on", "in-office", "Charter Art. 13"))
                .expectNoEvents();
    }

    @Test
    void oneAuditorPerCountryInATerm() {
        MotionId motion = new MotionId("GA14-M2");
        AuditorElected ulsan = new AuditorElected(ULSAN, CountryCode.of("KR"), 15, DAY, motion);
        auditors.givenNoPriorActivity()
                .when(new Auditors.ElectAuditor(Auditors.ID, ULSAN, 15, DAY, motion))
                .expectEvents(ulsan);
        auditors.given(ulsan)
                .when(new Auditors.ElectAuditor(Auditors.ID, GYEONGBUK, 15, DAY, motion))
                .expectException(Auditors.SecondAuditor.class)
                .expectException(refusal("effect.auditor", "one-per-country", "Charter Art. 7(2)"))
                .expectNoEvents();
        auditors.given(ulsan)
                .when(new Auditors.ElectAuditor(Auditors.ID, GYEONGBUK, 16, DAY, motion))
                .expectEvents(new AuditorElected(GYEONGBUK, CountryCode.of("KR"), 16, DAY, motion));
    }
}
