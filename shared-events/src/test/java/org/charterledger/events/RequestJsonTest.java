package org.charterledger.events;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Requests are read strictly and within {@link LedgerBounds}; stored events stay read tolerantly. */
class RequestJsonTest {

    record Request(String name, PartyCategory category, LocalDate on, Integer ordinal, Money paid, FiscalYear year,
                   MemberId party) {
    }

    private final ObjectMapper strict = RequestJson.strict(EventJson.mapper());

    @Test
    void readsAValidRequest() throws Exception {
        Request request = strict.readValue("""
                {"name": "Ulsan", "category": "MEMBER", "on": "2021-01-01", "ordinal": 3,
                 "paid": {"amount": "999999999999999.99", "currency": "USD"}, "year": 2200, "party": "KR-ULSAN"}""",
                Request.class);

        assertThat(request.paid()).isEqualTo(Money.of("999999999999999.99", "USD"));
        assertThat(request.on()).isEqualTo(LocalDate.of(2021, 1, 1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            NUL in text             | {"name": "a\\u0000b"}                | no-control-characters
            line break in text      | {"name": "a\\nb"}                    | no-control-characters
            unpaired surrogate      | {"name": "a\\udc00"}                 | no-control-characters
            overlong text           | {"name": "%s"}                       | length
            a date before 1990      | {"on": "1989-12-31"}                 | date-range
            a date after 2200       | {"on": "2201-01-01"}                 | date-range
            a date in year -999999999 | {"on": "-999999999-01-01"}         | date-range
            a date in year +999999999 | {"on": "+999999999-12-31"}         | date-range
            sixteen integer digits  | {"paid": {"amount": "1000000000000000", "currency": "KRW"}} | amount-range
            an exponent             | {"paid": {"amount": "1E+2000", "currency": "KRW"}}          | amount-range
            a huge exponent as a number | {"paid": {"amount": 1E+999999999, "currency": "KRW"}}   | amount-range
            five decimals           | {"paid": {"amount": "1.00001", "currency": "KWD"}}          | amount-range
            a year beyond 2200      | {"year": 2201}                       | date-range
            """)
    void refusesWhatAViewCannotHold(String what, String json, String rule) {
        String body = json.replace("%s", "x".repeat(LedgerBounds.MAX_TEXT_LENGTH + 1));

        assertThatThrownBy(() -> strict.readValue(body, Request.class))
                .isInstanceOf(JsonMappingException.class)
                .satisfies(e -> assertThat(e.getCause()).isInstanceOfSatisfying(LedgerBounds.OutOfBounds.class,
                        bound -> assertThat(bound.rule()).isEqualTo(rule)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            an enum by position         | {"category": 0}
            an enum by position as text | {"category": "0"}
            an enum in lower case       | {"category": "member"}
            a date as a number          | {"on": 0}
            a date as an array          | {"on": [2021, 1, 1]}
            a date not in ISO form      | {"on": "2021-1-1"}
            text from a number          | {"name": 12}
            text from a boolean         | {"name": true}
            a whole number from 1.5     | {"ordinal": 1.5}
            a whole number from text    | {"ordinal": "1"}
            a year from text            | {"year": "2021"}
            a field twice               | {"name": "a", "name": "b"}
            an unknown field            | {"nmae": "a"}
            text after the body         | {"name": "a"} {"name": "b"}
            an empty enum               | {"category": ""}
            """)
    void refusesWhatIsNotExactlyMeant(String what, String json) {
        assertThatThrownBy(() -> strict.readValue(json, Request.class)).isInstanceOf(Exception.class);
    }

    @Test
    void storedEventsAreStillReadTolerantlyAndWritingIsUnchanged() throws Exception {
        String stored = "{\"name\": 12, \"on\": \"1970-01-01\", \"addedLater\": true}";

        Request tolerant = EventJson.mapper().readValue(stored, Request.class);
        Request sample = new Request("Ulsan", PartyCategory.MEMBER, LocalDate.of(2021, 1, 1), 3,
                Money.of("1000", "USD"), FiscalYear.of(2021), new MemberId("KR-ULSAN"));

        assertThat(tolerant.name()).isEqualTo("12");
        assertThat(strict.writeValueAsString(sample)).isEqualTo(EventJson.mapper().writeValueAsString(sample));
    }
}
