package org.charterledger.query.subcommittees;

import org.charterledger.events.CoordinatorAppointed;
import org.charterledger.events.CoordinatorReplaced;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionId;
import org.charterledger.events.SubcommitteeAbolished;
import org.charterledger.events.SubcommitteeActivityRecorded;
import org.charterledger.events.SubcommitteeEstablished;
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
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Subcommittees on a date with the flags of the Subcommittee Regulation, and their histories, from the
 * subcommittee view on the in-memory views. Tourism (8): Henan and Ningxia co-coordinate from 2021, last active on
 * 2021-05-20, renewed for 2023-2025, and Ningxia is replaced by Ulsan on 2023-06-01. Digital Government (21): Ulsan
 * coordinates 2021-2023, is not renewed, and the subcommittee is abolished on 2024-01-01.
 */
class SubcommitteeViewTest {

    private static final MemberId HENAN = new MemberId("CN-HENAN");
    private static final MemberId NINGXIA = new MemberId("CN-NINGXIA");
    private static final MemberId ULSAN = new MemberId("KR-ULSAN");
    private static final LocalDate START = LocalDate.of(2021, 1, 1);
    private static final LocalDate FIRST_TERM_END = LocalDate.of(2023, 1, 1);
    private static final LocalDate REPLACED = LocalDate.of(2023, 6, 1);
    private static final Clock TODAY = Clock.fixed(LocalDate.of(2022, 6, 1).atStartOfDay().toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);

    private Views views;
    private SubcommitteeController subcommittees;

    @BeforeEach
    void tourismAndDigitalGovernment() {
        views = Views.empty().given(
                new SubcommitteeEstablished(8, "Tourism", "Tourism", LocalDate.of(2008, 1, 1), null, "EC 2007"),
                new CoordinatorAppointed(8, List.of(HENAN, NINGXIA), START, FIRST_TERM_END, false, null, "EC 2020"),
                new SubcommitteeActivityRecorded(8, 2, LocalDate.of(2021, 5, 20), LocalDate.of(2021, 5, 20), NINGXIA,
                        "online"),
                new SubcommitteeEstablished(21, "Digital Government", null, START, new MotionId("EC2020-M5"), null),
                new CoordinatorAppointed(21, List.of(ULSAN), START, FIRST_TERM_END, false, new MotionId("EC2020-M6"),
                        null),
                new CoordinatorAppointed(8, List.of(HENAN, NINGXIA), FIRST_TERM_END, LocalDate.of(2025, 1, 1), true,
                        new MotionId("EC2022-M2"), null),
                new CoordinatorReplaced(8, NINGXIA, ULSAN, REPLACED, LocalDate.of(2025, 6, 1),
                        new MotionId("EC2023-M4")),
                SubcommitteeAbolished.citing(21, LocalDate.of(2024, 1, 1), "EC 2023"));
        subcommittees = new SubcommitteeController(views.jdbc(), TODAY);
    }

    @AfterEach
    void close() {
        views.close();
    }

    @ParameterizedTest(name = "on {0}: {1}, term to {2}, last active {3}; renewal due {4}, ended {5}, replaceable {6}")
    @CsvSource(nullValues = "none", value = {
            "2021-05-19, CN-HENAN CN-NINGXIA, 2023-01-01, none,       false, false, false",
            "2021-06-01, CN-HENAN CN-NINGXIA, 2023-01-01, 2021-05-20, false, false, false",
            "2022-10-02, CN-HENAN CN-NINGXIA, 2023-01-01, 2021-05-20, false, false, false",
            "2022-10-03, CN-HENAN CN-NINGXIA, 2023-01-01, 2021-05-20, true,  false, false",  // 90 days before the end
            "2023-05-19, CN-HENAN CN-NINGXIA, 2025-01-01, 2021-05-20, false, false, false",
            "2023-05-20, CN-HENAN CN-NINGXIA, 2025-01-01, 2021-05-20, false, false, true",   // two years inactive
            "2023-06-01, CN-HENAN KR-ULSAN,   2025-06-01, 2021-05-20, false, false, false",  // Ulsan newly coordinates
    })
    void tourismOnADate(LocalDate asOf, String coordinators, LocalDate termEnd, LocalDate lastActivity,
                        boolean renewalDue, boolean termEnded, boolean replaceable) {
        SubcommitteeController.SubcommitteeOnADate tourism = subcommittees.subcommittees(asOf).subcommittees().get(0);

        assertThat(tourism.number()).isEqualTo(8);
        assertThat(tourism.coordinators()).isEqualTo(Arrays.asList(coordinators.split(" +")));
        assertThat(tourism.termEnd()).isEqualTo(termEnd);
        assertThat(tourism.lastActivity()).isEqualTo(lastActivity);
        assertThat(tourism.renewalDue()).isEqualTo(renewalDue);
        assertThat(tourism.termEnded()).isEqualTo(termEnded);
        assertThat(tourism.replaceable()).isEqualTo(replaceable);
        assertThat(tourism.articles()).containsExactly("Subcommittee Regulation Art. 5(1)",
                "Subcommittee Regulation Art. 5(2)", "Subcommittee Regulation Art. 5(7)");
    }

    @Test
    void aTermNotRenewedHasEndedAndAnAbolishedSubcommitteeHasNoCoordinators() {
        SubcommitteeController.SubcommitteeOnADate ended = subcommittees.subcommittees(LocalDate.of(2023, 2, 1))
                .subcommittees().get(1);
        SubcommitteeController.SubcommitteeOnADate abolished = subcommittees.subcommittees(LocalDate.of(2024, 1, 1))
                .subcommittees().get(1);

        assertThat(ended.number()).isEqualTo(21);
        assertThat(ended.coordinators()).containsExactly("KR-ULSAN");
        assertThat(ended.termEnded()).isTrue();
        assertThat(ended.renewalDue()).isFalse();
        assertThat(ended.replaceable()).isTrue();
        assertThat(abolished.abolishedOn()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(abolished.coordinators()).isEmpty();
        assertThat(abolished.termEnd()).isNull();
        assertThat(abolished.termEnded()).isFalse();
        assertThat(abolished.replaceable()).isFalse();
    }

    @Test
    void onlySubcommitteesFoundedByTheDate() {
        assertThat(subcommittees.subcommittees(LocalDate.of(2020, 12, 31)).subcommittees())
                .extracting(SubcommitteeController.SubcommitteeOnADate::number).containsExactly(8);
        assertThat(subcommittees.subcommittees(LocalDate.of(2007, 12, 31)).total()).isZero();
        assertThat(subcommittees.subcommittees(null).asOf()).isEqualTo(LocalDate.of(2022, 6, 1));
        assertThat(subcommittees.subcommittees(null).total()).isEqualTo(2);
    }

    @Test
    void aHistoryListsEveryTermWithTheDecisionBehindItAndEveryActivity() {
        SubcommitteeController.History tourism = subcommittees.history(8);

        assertThat(tourism.name()).isEqualTo("Tourism");
        assertThat(tourism.founded()).isEqualTo(LocalDate.of(2008, 1, 1));
        assertThat(tourism.abolishedOn()).isNull();
        assertThat(tourism.coordinators()).containsExactly(
                new SubcommitteeController.Term("CN-HENAN", START, FIRST_TERM_END, FIRST_TERM_END, START, false,
                        "EC 2020", 2),
                new SubcommitteeController.Term("CN-NINGXIA", START, FIRST_TERM_END, FIRST_TERM_END, START, false,
                        "EC 2020", 2),
                new SubcommitteeController.Term("CN-HENAN", FIRST_TERM_END, LocalDate.of(2025, 1, 1), null, START, true,
                        "EC2022-M2", 6),
                new SubcommitteeController.Term("CN-NINGXIA", FIRST_TERM_END, LocalDate.of(2025, 1, 1), REPLACED, START,
                        true, "EC2022-M2", 6),
                new SubcommitteeController.Term("KR-ULSAN", REPLACED, LocalDate.of(2025, 6, 1), null, REPLACED, false,
                        "EC2023-M4", 7));
        assertThat(tourism.activities()).containsExactly(new SubcommitteeController.Activity(2, LocalDate.of(2021, 5, 20),
                LocalDate.of(2021, 5, 20), "CN-NINGXIA", "online", 3));
        assertThat(subcommittees.history(21).abolishedOn()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(subcommittees.history(21).coordinators()).singleElement()
                .satisfies(term -> assertThat(term.until()).isEqualTo(LocalDate.of(2024, 1, 1)));
    }

    @Test
    void anUnknownSubcommitteeIsNotFound() {
        assertThatThrownBy(() -> subcommittees.history(99))
                .isInstanceOfSatisfying(NotFound.class, notFound -> assertThat(notFound.field()).isEqualTo("number"))
                .hasMessage("there is no subcommittee 99");
    }
}
