package org.charterledger.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event round-trips through the Jackson serializer the services use, and its stored form equals an approved
 * JSON sample: a change to that form fails here, and must come as a new revision with an upcaster.
 */
class EventSerializationTest {

    private final ObjectMapper mapper = EventJson.mapper();
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();

    private static final MeetingId GA13 = new MeetingId("GA13");
    private static final MotionId M2 = new MotionId("GA13-M2");
    private static final MemberId SAKHA = new MemberId("RU-SAKHA");
    private static final MemberId LIAONING = new MemberId("CN-LIAONING");
    private static final PaymentId PAYMENT = new PaymentId("0f8c7e2a-5a43-4d0e-9d55-3c1b7f6a9e21");

    /** One example of every event, at its current revision; {@link #everyEvent} finds any event missing here. */
    static Stream<Object> samples() {
        return Stream.of(
                new MemberAdmitted(new MemberId("KR-ULSAN"), CountryCode.of("KR"), "Ulsan Metropolitan City",
                        "울산광역시", PartyCategory.MEMBER, LocalDate.of(2021, 1, 1), AdmissionBasis.OPENING_BALANCE, null),
                new DuesPaid(new MemberId("RU-TYVA"), PAYMENT, FiscalYear.of(2016), Money.of("1320000", "KRW"),
                        Money.of("1000.00", "USD"), LocalDate.of(2016, 3, 1), "KEB-2016-0301-17"),
                new DuesPaymentReversed(new MemberId("RU-TYVA"), PAYMENT, LocalDate.of(2016, 3, 9),
                        "transfer returned by the bank"),
                new DuesRateChanged(Money.of("1200", "USD"), FiscalYear.of(2024), new MotionId("GA14-M3")),
                new MemberWithdrew(new MemberId("JP-FUKUI"), LocalDate.of(2022, 4, 1), "letter of 2022-01-15"),
                new MeetingConvened(GA13, Body.GA, 13, SAKHA, "online", LocalDate.of(2021, 8, 10),
                        LocalDate.of(2021, 8, 10)),
                new AttendanceRecorded(GA13, List.of(SAKHA, LIAONING)),
                new MeetingClosed(GA13, LocalDate.of(2021, 8, 10)),
                new MotionOpened(M2, GA13, Body.GA, MotionKind.ARTICLE_8, 1, "CATEGORY_A",
                        "Admit Liaoning Province as a member", Procedure.WRITTEN_BALLOT,
                        new Effect.Admit(LIAONING, CountryCode.of("CN"), "Liaoning Province", PartyCategory.MEMBER),
                        LocalDate.of(2021, 8, 10), List.of(new RollEntry(SAKHA, List.of(FiscalYear.of(2021)))),
                        List.of(new LeftOff(LIAONING, PartyCategory.OBSERVER, "an observer has no vote", null))),
                new VoteCast(M2, SAKHA, Choice.YES, LocalDate.of(2021, 8, 10)),
                new MotionDecided(M2, Outcome.PASSED, List.of(SAKHA), new Tally("CATEGORY_A", "Charter Art. 9(2)",
                        1, 1, 1, 0, 0, 0, true, "2·1 = 2 > 1", true, "3·1 = 3 ≥ 2·1 = 2"), LocalDate.of(2021, 8, 10)),
                new MemberAdmitted(LIAONING, CountryCode.of("CN"), "Liaoning Province", null, PartyCategory.MEMBER,
                        LocalDate.of(2021, 8, 10), AdmissionBasis.DECISION, M2),
                new NextHostElected(new MotionId("GA13-M1"), GA13, new MemberId("KR-ULSAN"), LocalDate.of(2021, 8, 10)),
                new MemberExpelled(new MemberId("KP-RASON"), LocalDate.of(2025, 8, 20), new MotionId("GA15-M4")),
                new ChairTermBegan(14, new MemberId("KR-ULSAN"), LocalDate.of(2021, 8, 10), new MotionId("GA13-M1"), GA13),
                new ChairTermEnded(13, SAKHA, LocalDate.of(2021, 8, 10), GA13),
                new ActingChairDesignated(13, SAKHA, "First Deputy Chairman of the Government", LocalDate.of(2021, 3, 1),
                        "the Head is abroad"),
                new ActingChairEnded(13, LocalDate.of(2021, 3, 15)),
                new SubcommitteeEstablished(21, "Digital Government", "e-government and data",
                        LocalDate.of(2024, 3, 1), new MotionId("EC2024-M2"), null),
                new SubcommitteeAbolished(5, LocalDate.of(2017, 9, 1), new MotionId("EC2017-M3"), null),
                new CoordinatorAppointed(21, List.of(new MemberId("KR-GYEONGBUK")), LocalDate.of(2024, 3, 1),
                        LocalDate.of(2026, 3, 1), false, new MotionId("EC2024-M3"), null),
                new SubcommitteeActivityRecorded(2, 15, LocalDate.of(2021, 11, 17), LocalDate.of(2021, 11, 17),
                        new MemberId("JP-TOYAMA"), "online"),
                new CoordinatorReplaced(15, new MemberId("CN-HEILONGJIANG"), new MemberId("CN-JILIN"),
                        LocalDate.of(2024, 3, 1), LocalDate.of(2026, 3, 1), new MotionId("EC2024-M1")),
                new SecretaryGeneralAppointed("KIM Okchae", new MemberId("KR-GYEONGBUK"), new MemberId("RU-SAKHA"),
                        LocalDate.of(2019, 2, 1)),
                new SecretaryGeneralLeftOffice("KIM Okchae", LocalDate.of(2023, 2, 1)),
                new AuditorElected(new MemberId("KR-JEJU"), CountryCode.of("KR"), 14, LocalDate.of(2021, 8, 10),
                        new MotionId("GA13-M3")));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void roundTripsThroughTheSerializer(Object event) {
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);

        Object read = serializer.deserialize(stored);

        assertThat(read).isEqualTo(event);
        assertThat(stored.getType().getRevision()).isEqualTo(revisionOf(event));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void matchesItsApprovedSample(Object event) throws IOException {
        String file = "/events/" + event.getClass().getSimpleName() + ".v" + revisionOf(event)
                + (event instanceof MemberAdmitted admitted && admitted.decidedBy() != null ? ".decided" : "") + ".json";
        try (InputStream approved = getClass().getResourceAsStream(file)) {
            assertThat(approved).as("approved sample " + file).isNotNull();
            byte[] approvedJson = approved.readAllBytes();

            assertThat(mapper.readTree(serializer.serialize(event, byte[].class).getData()))
                    .isEqualTo(mapper.readTree(approvedJson));
            Object fromApproved = serializer.deserialize(new SimpleSerializedObject<>(approvedJson, byte[].class,
                    event.getClass().getName(), revisionOf(event)));
            assertThat(fromApproved).isEqualTo(event);
        }
    }

    @Test
    void upcastsRevision1OfMemberAdmittedToAnOpeningBalanceWithoutMotion() throws IOException {
        byte[] revision1 = getClass().getResourceAsStream("/events/MemberAdmitted.v1.json").readAllBytes();
        var stored = new SimpleSerializedObject<>(revision1, byte[].class, MemberAdmitted.class.getName(), "1");
        var entry = new GenericDomainEventEntry<>("Member", "KR-ULSAN", 0,
                "event-1", Instant.EPOCH, stored.getType().getName(), "1", revision1, "{}".getBytes());

        Object upcast = LedgerUpcasters.chain()
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                .map(representation -> serializer.deserialize(representation.getData()))
                .findFirst().orElseThrow();

        assertThat(upcast).isEqualTo(samples().findFirst().orElseThrow());
    }

    /** Revision 1 named no motion: an opening balance stays one, and words given as the reference are kept. */
    @ParameterizedTest
    @MethodSource("revision1OfDecidedSubcommitteeActs")
    void upcastsRevision1OfSubcommitteeDecisionsKeepingTheirWords(String file, Class<?> type, Object expected)
            throws IOException {
        byte[] revision1 = getClass().getResourceAsStream("/events/" + file).readAllBytes();
        var entry = new GenericDomainEventEntry<>("Subcommittee", "SC-8", 0, "event-1", Instant.EPOCH,
                type.getName(), "1", revision1, "{}".getBytes());

        Object upcast = LedgerUpcasters.chain()
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                .map(representation -> serializer.deserialize(representation.getData()))
                .findFirst().orElseThrow();

        assertThat(upcast).isEqualTo(expected);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> revision1OfDecidedSubcommitteeActs() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("SubcommitteeEstablished.v1.json",
                        SubcommitteeEstablished.class,
                        new SubcommitteeEstablished(8, "Tourism", "Tourism", LocalDate.of(2008, 1, 1), null, null)),
                org.junit.jupiter.params.provider.Arguments.of("SubcommitteeEstablished.v1.worded.json",
                        SubcommitteeEstablished.class, new SubcommitteeEstablished(21, "Digital Government", null,
                                LocalDate.of(2024, 3, 1), null, "EC 2024 decision 2")),
                org.junit.jupiter.params.provider.Arguments.of("SubcommitteeAbolished.v1.json",
                        SubcommitteeAbolished.class, new SubcommitteeAbolished(5, LocalDate.of(2017, 9, 1), null,
                                "EC 2017 decision 3")),
                org.junit.jupiter.params.provider.Arguments.of("CoordinatorAppointed.v1.json",
                        CoordinatorAppointed.class, new CoordinatorAppointed(8, List.of(new MemberId("CN-HENAN"),
                                new MemberId("CN-NINGXIA")), LocalDate.of(2021, 1, 1), LocalDate.of(2023, 1, 1),
                                false, null, null)),
                org.junit.jupiter.params.provider.Arguments.of("CoordinatorAppointed.v1.worded.json",
                        CoordinatorAppointed.class, new CoordinatorAppointed(8, List.of(new MemberId("CN-HENAN")),
                                LocalDate.of(2023, 1, 1), LocalDate.of(2025, 1, 1), true, null, "EC 2022")));
    }

    /** Every event of the sealed families, found by walking {@link LedgerEvent}'s permitted subtypes. */
    static Stream<Class<?>> everyEvent() {
        return leaves(LedgerEvent.class);
    }

    private static Stream<Class<?>> leaves(Class<?> type) {
        return type.isSealed() ? Stream.of(type.getPermittedSubclasses()).flatMap(EventSerializationTest::leaves)
                : Stream.of(type);
    }

    /** A new event joins a family, and then has no build until it has an approved sample and an example here. */
    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEventOfTheFamiliesHasAnApprovedSampleOfItsRevision(Class<?> type) {
        String revision = type.getAnnotation(org.axonframework.serialization.Revision.class).value();
        String file = "/events/" + type.getSimpleName() + ".v" + revision + ".json";

        assertThat(getClass().getResource(file)).as("approved sample " + file).isNotNull();
        assertThat(samples().filter(type::isInstance).findAny()).as("an example of " + type.getSimpleName()
                + " in samples()").isPresent();
    }

    /** Every class of the events package with a stored revision belongs to a family, so none escapes the above. */
    @Test
    void everyStoredEventBelongsToASealedFamily() throws Exception {
        Path events = Path.of(LedgerEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/charterledger/events");
        List<Class<?>> stored;
        try (Stream<Path> files = Files.list(events)) {
            stored = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .<Class<?>>map(name -> load("org.charterledger.events." + name.substring(0, name.length() - 6)))
                    .filter(type -> type.isAnnotationPresent(org.axonframework.serialization.Revision.class))
                    .toList();
        }

        assertThat(stored).hasSizeGreaterThanOrEqualTo(25);
        assertThat(everyEvent().toList()).containsExactlyInAnyOrderElementsOf(stored);
    }

    /** Each event's business date, the one the audit shows: the field that says when the fact takes effect. */
    @ParameterizedTest
    @MethodSource("samples")
    void aDatedEventGivesItsBusinessDateAsTheFirstDateItRecords(Object event) throws IOException {
        JsonNode stored = mapper.readTree(serializer.serialize(event, byte[].class).getData());
        LocalDate firstDate = null;
        for (var fields = stored.elements(); fields.hasNext() && firstDate == null; ) {
            JsonNode field = fields.next();
            if (field.isTextual() && field.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
                firstDate = LocalDate.parse(field.asText());
            }
        }

        assertThat(event instanceof BusinessDated dated ? dated.businessDate() : null).isEqualTo(firstDate);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String revisionOf(Object event) {
        return event.getClass().getAnnotation(org.axonframework.serialization.Revision.class).value();
    }
}
