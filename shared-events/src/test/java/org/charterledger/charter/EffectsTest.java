package org.charterledger.charter;

import org.charterledger.charter.Effects.Kind;
import org.charterledger.charter.Effects.Refusal;
import org.charterledger.events.CoordinatorAppointed;
import org.charterledger.events.CountryCode;
import org.charterledger.events.Effect;
import org.charterledger.events.FiscalYear;
import org.charterledger.events.LeftOff;
import org.charterledger.events.MemberId;
import org.charterledger.events.Money;
import org.charterledger.events.MotionKind;
import org.charterledger.events.PartyCategory;
import org.charterledger.events.RollEntry;
import org.charterledger.events.SubcommitteeAbolished;
import org.charterledger.events.SubcommitteeActivityRecorded;
import org.charterledger.events.SubcommitteeEstablished;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.charterledger.events.MotionKind.ARTICLE_8;
import static org.charterledger.events.MotionKind.COORDINATOR_REPLACEMENT;
import static org.charterledger.events.MotionKind.SUBCOMMITTEE;

/**
 * What a motion may decide (CHARTER.md §1, §2, §4, §5, §6), row by row: each refusal with its rule, article, field
 * and how it stands to the record; and the effects the rules allow.
 */
class EffectsTest {

    private static final MemberId ULSAN = new MemberId("KR-ULSAN");
    private static final MemberId JEJU = new MemberId("KR-JEJU");
    private static final MemberId HENAN = new MemberId("CN-HENAN");
    private static final MemberId NINGXIA = new MemberId("CN-NINGXIA");
    private static final MemberId JILIN = new MemberId("CN-JILIN");
    private static final MemberId TYVA = new MemberId("RU-TYVA");
    private static final MemberId LIAONING = new MemberId("CN-LIAONING");
    private static final MemberId HANOI = new MemberId("VN-HANOI");
    private static final MemberId NEWCOMER = new MemberId("MN-DORNOD");
    private static final LocalDate ROLL_DATE = LocalDate.of(2023, 6, 1);

    /** Five members with a vote; a member restricted for dues, an observer and an associate left off. */
    private static final VoterRoll ROLL = new VoterRoll(
            Stream.of(ULSAN, JEJU, HENAN, NINGXIA, JILIN).map(m -> new RollEntry(m, List.of())).toList(),
            List.of(new LeftOff(TYVA, PartyCategory.MEMBER, "restricted for dues since 2020-05-01 (Dues Regulation"
                            + " Art. 6)", LocalDate.of(2020, 5, 1)),
                    new LeftOff(LIAONING, PartyCategory.OBSERVER, "an observer has no vote", null),
                    new LeftOff(HANOI, PartyCategory.ASSOCIATE, "an associate has no vote", null)));

    /** Tourism (8): Henan and Ningxia coordinate since 2019, last active on 4 June 2019. */
    private static final SubcommitteeFacts TOURISM = SubcommitteeFacts.fold(List.of(
            new SubcommitteeEstablished(8, "Tourism", "Tourism", LocalDate.of(2008, 1, 1), null, null),
            new CoordinatorAppointed(8, List.of(HENAN, NINGXIA), LocalDate.of(2019, 1, 1), LocalDate.of(2021, 1, 1),
                    false, null, null),
            new SubcommitteeActivityRecorded(8, 2, LocalDate.of(2019, 6, 3), LocalDate.of(2019, 6, 4), HENAN, "")));
    private static final SubcommitteeFacts TOURISM_ACTIVE = TOURISM.with(new SubcommitteeActivityRecorded(8, 3,
            LocalDate.of(2022, 11, 1), LocalDate.of(2022, 11, 2), NINGXIA, "online"));
    private static final SubcommitteeFacts WITHOUT_COORDINATOR = SubcommitteeFacts.fold(List.of(
            new SubcommitteeEstablished(9, "Energy", null, LocalDate.of(2010, 1, 1), null, null)));
    private static final SubcommitteeFacts ABOLISHED = WITHOUT_COORDINATOR.with(
            new SubcommitteeAbolished(9, LocalDate.of(2017, 9, 1), null, "EC 2017"));

    static Stream<Arguments> refusals() {
        return Stream.of(
                row("an admission under another item", ARTICLE_8, 7, admit(LIAONING, "CN", PartyCategory.MEMBER), null,
                        "effect", Kind.RULE, "effect-of-item", "Charter Art. 8"),
                row("admitting a member again", ARTICLE_8, 1, admit(ULSAN, "KR", PartyCategory.MEMBER), null,
                        "effect.party", Kind.CONFLICT, "admitted-once", null),
                row("admitting an observer (observers are invited)", ARTICLE_8, 1,
                        admit(NEWCOMER, "MN", PartyCategory.OBSERVER), null,
                        "effect.category", Kind.RULE, "member-or-associate", "Charter Art. 4"),
                row("a member from outside the six countries", ARTICLE_8, 1,
                        admit(new MemberId("TH-BANGKOK"), "TH", PartyCategory.MEMBER), null,
                        "effect.category", Kind.RULE, "member-country", "Charter Art. 4"),
                row("an associate from a member country", ARTICLE_8, 1, admit(NEWCOMER, "MN", PartyCategory.ASSOCIATE),
                        null, "effect.category", Kind.RULE, "associate-country", "Charter Art. 4-2"),
                row("expelling an observer", ARTICLE_8, 1, new Effect.Expel(LIAONING), null,
                        "effect.party", Kind.RULE, "member-or-associate", "Charter Art. 8"),
                row("expelling a government that is no party", ARTICLE_8, 1, new Effect.Expel(NEWCOMER), null,
                        "effect.party", Kind.RULE, "member-or-associate", "Charter Art. 8"),
                row("dues of zero", ARTICLE_8, 2, new Effect.ChangeDuesRate(Money.of("0", "USD"), FiscalYear.of(2024)),
                        null, "effect.amount", Kind.RULE, "positive", "Dues Regulation Art. 5(3)"),
                row("an auditor restricted for dues", ARTICLE_8, 6, new Effect.ElectAuditor(TYVA), null,
                        "effect.auditor", Kind.RULE, "electoral-rights", "Charter Art. 7(3)"),
                row("an associate as auditor", ARTICLE_8, 6, new Effect.ElectAuditor(HANOI), null,
                        "effect.auditor", Kind.RULE, "electoral-rights", "Charter Art. 7(3)"),
                row("a second auditor from Korea", ARTICLE_8, 6, new Effect.ElectAuditor(JEJU), null,
                        "effect.auditor", Kind.CONFLICT, "one-per-country", "Charter Art. 7(2)"),
                row("an observer as next host", ARTICLE_8, 9, new Effect.ElectNextHost(LIAONING), null,
                        "effect.host", Kind.RULE, "electoral-rights", "Charter Art. 7(3)"),
                row("a replacement by an Art. 8 motion", ARTICLE_8, 11, replace(8, NINGXIA, JILIN), TOURISM,
                        "kind", Kind.RULE, "replacement-motion", "Subcommittee Regulation Art. 5(7)"),
                row("a replacement in an abolished subcommittee", COORDINATOR_REPLACEMENT, null,
                        replace(9, NINGXIA, JILIN), ABOLISHED,
                        "effect.subcommittee", Kind.UNKNOWN, "must-exist", null),
                row("a replacement in no subcommittee", COORDINATOR_REPLACEMENT, null, replace(77, NINGXIA, JILIN), null,
                        "effect.subcommittee", Kind.UNKNOWN, "must-exist", null),
                row("replacing a government that does not coordinate", COORDINATOR_REPLACEMENT, null,
                        replace(8, ULSAN, JILIN), TOURISM,
                        "effect.outgoing", Kind.RULE, "sitting-coordinator", null),
                row("replacing a coordinator active within two years", COORDINATOR_REPLACEMENT, null,
                        replace(8, NINGXIA, JILIN), TOURISM_ACTIVE,
                        "effect.outgoing", Kind.RULE, "inactive-two-years", "Subcommittee Regulation Art. 5(7)"),
                row("an associate as incoming coordinator", COORDINATOR_REPLACEMENT, null, replace(8, NINGXIA, HANOI),
                        TOURISM, "effect.incoming", Kind.RULE, "members-only", "Subcommittee Regulation Art. 5(1)"),
                row("a subcommittee set up by an Art. 8 motion", ARTICLE_8, 11, establish(21, "Digital Government"),
                        null, "kind", Kind.RULE, "subcommittee-motion", "Charter Art. 11(4)"),
                row("subcommittee number 0", SUBCOMMITTEE, null, establish(0, "Digital Government"), null,
                        "effect.subcommittee", Kind.RULE, "subcommittee-number", "Subcommittee Regulation Art. 2"),
                row("subcommittee number 1000", SUBCOMMITTEE, null, establish(1000, "Digital Government"), null,
                        "effect.subcommittee", Kind.RULE, "subcommittee-number", "Subcommittee Regulation Art. 2"),
                row("a subcommittee without a name", SUBCOMMITTEE, null, establish(21, " "), null,
                        "effect.name", Kind.RULE, "name-and-field", null),
                row("setting up a subcommittee twice", SUBCOMMITTEE, null, establish(8, "Tourism"), TOURISM,
                        "effect.subcommittee", Kind.CONFLICT, "established-once", null),
                row("coordinators of no subcommittee", SUBCOMMITTEE, null,
                        new Effect.AppointCoordinators(77, List.of(ULSAN)), null,
                        "effect.subcommittee", Kind.UNKNOWN, "must-exist", null),
                row("no coordinator", SUBCOMMITTEE, null, new Effect.AppointCoordinators(9, List.of()),
                        WITHOUT_COORDINATOR, "effect.coordinators", Kind.RULE, "one-or-more",
                        "Subcommittee Regulation Art. 5(1)"),
                row("an observer as coordinator", SUBCOMMITTEE, null,
                        new Effect.AppointCoordinators(9, List.of(ULSAN, LIAONING)), WITHOUT_COORDINATOR,
                        "effect.coordinators", Kind.RULE, "members-only", "Subcommittee Regulation Art. 5(1)"),
                row("renewing no coordinator", SUBCOMMITTEE, null, new Effect.RenewCoordinators(9),
                        WITHOUT_COORDINATOR, "effect.subcommittee", Kind.CONFLICT, "coordinator-appointed", null));
    }

    @ParameterizedTest(name = "{0}: {7}")
    @MethodSource("refusals")
    void refuses(String reading, MotionKind kind, Integer item, Effect effect, SubcommitteeFacts subcommittee,
                 String field, Kind standing, String rule, String article) {
        Optional<Refusal> refusal = Effects.check(kind, item, effect, facts(subcommittee));

        assertThat(refusal).isPresent();
        assertThat(refusal.get().field()).isEqualTo(field);
        assertThat(refusal.get().kind()).isEqualTo(standing);
        assertThat(refusal.get().violation().rule()).isEqualTo(rule);
        assertThat(refusal.get().violation().article()).isEqualTo(article);
    }

    static Stream<Arguments> allowed() {
        return Stream.of(
                Arguments.of("an observer admitted as a member keeps its id", ARTICLE_8, 1,
                        admit(LIAONING, "CN", PartyCategory.MEMBER), null),
                Arguments.of("an associate from elsewhere in Asia", ARTICLE_8, 1,
                        admit(new MemberId("TH-BANGKOK"), "TH", PartyCategory.ASSOCIATE), null),
                Arguments.of("expelling an associate", ARTICLE_8, 1, new Effect.Expel(HANOI), null),
                Arguments.of("a new rate", ARTICLE_8, 2,
                        new Effect.ChangeDuesRate(Money.of("1200", "USD"), FiscalYear.of(2024)), null),
                Arguments.of("the first auditor from China", ARTICLE_8, 6, new Effect.ElectAuditor(JILIN), null),
                Arguments.of("a member as next host", ARTICLE_8, 9, new Effect.ElectNextHost(ULSAN), null),
                Arguments.of("an inactive coordinator replaced by a member", COORDINATOR_REPLACEMENT, null,
                        replace(8, NINGXIA, JILIN), TOURISM),
                Arguments.of("a new subcommittee", SUBCOMMITTEE, null, establish(21, "Digital Government"), null),
                Arguments.of("members as co-coordinators", SUBCOMMITTEE, null,
                        new Effect.AppointCoordinators(9, List.of(ULSAN, JILIN)), WITHOUT_COORDINATOR),
                Arguments.of("a renewal", SUBCOMMITTEE, null, new Effect.RenewCoordinators(8), TOURISM));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowed")
    void allows(String reading, MotionKind kind, Integer item, Effect effect, SubcommitteeFacts subcommittee) {
        assertThat(Effects.check(kind, item, effect, facts(subcommittee))).isEmpty();
    }

    /** The auditors' own check, that the motion's reuses (Charter Art. 7(2)). */
    @Test
    void oneAuditorPerCountryInATerm() {
        assertThat(Effects.checkAuditorSeat(Set.of(CountryCode.of("KR")), JEJU)).get()
                .extracting(RuleViolation::rule, RuleViolation::article)
                .containsExactly("one-per-country", "Charter Art. 7(2)");
        assertThat(Effects.checkAuditorSeat(Set.of(CountryCode.of("KR")), JILIN)).isEmpty();
    }

    /** The dues schedule's own check, that the motion's reuses (Dues Regulation Art. 5(3)). */
    @Test
    void yearlyDuesAreMoreThanZero() {
        assertThat(Effects.checkDuesRate(Money.of("-1", "USD"))).get().extracting(RuleViolation::rule)
                .isEqualTo("positive");
        assertThat(Effects.checkDuesRate(Money.of("0.01", "USD"))).isEmpty();
    }

    private static Effects.Facts facts(SubcommitteeFacts subcommittee) {
        return new Effects.Facts(ROLL_DATE, ROLL, subcommittee, Set.of(CountryCode.of("KR")));
    }

    private static Arguments row(String reading, MotionKind kind, Integer item, Effect effect,
                                 SubcommitteeFacts subcommittee, String field, Kind standing, String rule,
                                 String article) {
        return Arguments.of(reading, kind, item, effect, subcommittee, field, standing, rule, article);
    }

    private static Effect.Admit admit(MemberId party, String country, PartyCategory category) {
        return new Effect.Admit(party, CountryCode.of(country), "a government", category);
    }

    private static Effect.ReplaceCoordinator replace(int subcommittee, MemberId outgoing, MemberId incoming) {
        return new Effect.ReplaceCoordinator(subcommittee, outgoing, incoming);
    }

    private static Effect.EstablishSubcommittee establish(int number, String name) {
        return new Effect.EstablishSubcommittee(number, name, null);
    }
}
