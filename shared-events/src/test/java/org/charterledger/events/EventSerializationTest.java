package org.charterledger.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event round-trips through the Jackson serializer the services use, and its stored form equals an approved
 * JSON sample: a change to that form fails here, and must come as a new revision with an upcaster.
 */
class EventSerializationTest {

    private final ObjectMapper mapper = EventJson.mapper();
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();

    private static final PaymentId PAYMENT = new PaymentId("0f8c7e2a-5a43-4d0e-9d55-3c1b7f6a9e21");

    static Stream<Object> samples() {
        return Stream.of(
                new MemberAdmitted(new MemberId("KR-ULSAN"), CountryCode.of("KR"), "Ulsan Metropolitan City",
                        "울산광역시", PartyCategory.MEMBER, LocalDate.of(2021, 1, 1), AdmissionBasis.OPENING_BALANCE),
                new DuesPaid(new MemberId("RU-TYVA"), PAYMENT, FiscalYear.of(2016), Money.of("1320000", "KRW"),
                        Money.of("1000.00", "USD"), LocalDate.of(2016, 3, 1), "KEB-2016-0301-17"),
                new DuesPaymentReversed(new MemberId("RU-TYVA"), PAYMENT, LocalDate.of(2016, 3, 9),
                        "transfer returned by the bank"),
                new DuesRateChanged(Money.of("1200", "USD"), FiscalYear.of(2024), new MotionId("GA14-M3")),
                new MemberWithdrew(new MemberId("JP-FUKUI"), LocalDate.of(2022, 4, 1), "letter of 2022-01-15"));
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
        String file = "/events/" + event.getClass().getSimpleName() + ".v" + revisionOf(event) + ".json";
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

    private static String revisionOf(Object event) {
        return event.getClass().getAnnotation(org.axonframework.serialization.Revision.class).value();
    }
}
