package org.charterledger.charter;

import org.charterledger.events.CoordinatorAppointed;
import org.charterledger.events.CoordinatorReplaced;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionId;
import org.charterledger.events.SubcommitteeActivityRecorded;
import org.charterledger.events.SubcommitteeEstablished;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** CHARTER.md §6 over a subcommittee's history: a renewal, co-coordinators, inactivity and a replacement. */
class SubcommitteeFactsTest {

    private static final MemberId HENAN = new MemberId("CN-HENAN");
    private static final MemberId NINGXIA = new MemberId("CN-NINGXIA");
    private static final MemberId JILIN = new MemberId("CN-JILIN");

    private final SubcommitteeFacts tourism = SubcommitteeFacts.fold(List.of(
            new SubcommitteeEstablished(8, "Tourism", "Tourism", LocalDate.of(2008, 1, 1), null, null),
            new CoordinatorAppointed(8, List.of(HENAN, NINGXIA), LocalDate.of(2019, 1, 1), LocalDate.of(2021, 1, 1),
                    false, null, null),
            new SubcommitteeActivityRecorded(8, 2, LocalDate.of(2019, 6, 3), LocalDate.of(2019, 6, 4), HENAN, "Zhengzhou"),
            new CoordinatorAppointed(8, List.of(HENAN, NINGXIA), LocalDate.of(2021, 1, 1), LocalDate.of(2023, 1, 1),
                    true, null, "EC 2020")));

    @Test
    void aRenewalKeepsTheCoordinationsStartAndMovesTheTermsEnd() {
        assertThat(tourism.coordinators()).containsExactly(HENAN, NINGXIA);
        assertThat(tourism.coordinatingSince()).isEqualTo(LocalDate.of(2019, 1, 1));
        assertThat(tourism.termEnd()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(tourism.renewalDueOn(LocalDate.of(2022, 10, 3))).isTrue();
        assertThat(tourism.renewalDueOn(LocalDate.of(2022, 10, 2))).isFalse();
    }

    @Test
    void becomesReplaceableExactlyTwoYearsAfterItsLastActivity() {
        assertThat(tourism.inactiveSince()).isEqualTo(LocalDate.of(2019, 6, 4));
        assertThat(tourism.replaceableOn(LocalDate.of(2021, 6, 3))).isFalse();
        assertThat(tourism.replaceableOn(LocalDate.of(2021, 6, 4))).isTrue();
    }

    @Test
    void aReplacementStartsAFreshCoordination() {
        SubcommitteeFacts replaced = tourism.with(new CoordinatorReplaced(8, NINGXIA, JILIN, LocalDate.of(2021, 7, 1),
                LocalDate.of(2023, 7, 1), new MotionId("EC2021-M2")));

        assertThat(replaced.coordinators()).containsExactly(HENAN, JILIN);
        assertThat(replaced.inactiveSince()).isEqualTo(LocalDate.of(2021, 7, 1));
        assertThat(replaced.replaceableOn(LocalDate.of(2022, 7, 1))).isFalse();
    }
}
