package org.charterledger.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * How both services read a client's JSON: strictly, unlike {@link EventJson}'s tolerant reading of stored events.
 * A request means exactly what it says or it is refused: no text from a number or a boolean, no whole number from
 * {@code 1.5} or {@code "5"}, no enum by its position, dates only as ISO strings ({@code "2021-01-01"}), no field
 * twice, no unknown field, nothing after the body; and every date, text and amount within {@link LedgerBounds}.
 * Only reading changes: a mapper made here writes exactly as the mapper it was made from.
 */
public final class RequestJson {

    private static final int MAX_NUMBER_TEXT = 64;

    private RequestJson() {
    }

    /** A copy of {@code base} (the services' mapper) that reads requests strictly and writes as {@code base}. */
    public static ObjectMapper strict(ObjectMapper base) {
        ObjectMapper mapper = base.copy();
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS, MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);
        // Whole numbers and booleans only as themselves; an enum only by its name, never an empty string.
        for (LogicalType type : new LogicalType[]{LogicalType.Integer, LogicalType.Boolean, LogicalType.Enum}) {
            mapper.coercionConfigFor(type)
                    .setAcceptBlankAsEmpty(false)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        SimpleModule bounded = new SimpleModule("charter-ledger-requests");
        bounded.addDeserializer(String.class, new BoundedText());
        bounded.addDeserializer(LocalDate.class, new BoundedDate());
        bounded.addDeserializer(BigDecimal.class, new BoundedAmount());
        bounded.addDeserializer(FiscalYear.class, new BoundedYear());
        mapper.registerModule(bounded);
        return mapper;
    }

    /** Text only from a JSON string, within {@link LedgerBounds#text}. */
    static final class BoundedText extends StdScalarDeserializer<String> {

        BoundedText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            return LedgerBounds.text(p.getText());
        }
    }

    /** A date only from an ISO string, {@code YYYY-MM-DD}, within {@link LedgerBounds#date}. */
    static final class BoundedDate extends StdScalarDeserializer<LocalDate> {

        BoundedDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText();
            LocalDate date;
            try {
                date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException e) {
                return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text,
                        "must be a date in the form YYYY-MM-DD");
            }
            return LedgerBounds.date(date);
        }
    }

    /** An amount from a JSON string ({@code "1000.00"}) or number, within {@link LedgerBounds#amount}. */
    static final class BoundedAmount extends StdScalarDeserializer<BigDecimal> {

        BoundedAmount() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            BigDecimal amount;
            if (p.hasToken(JsonToken.VALUE_NUMBER_INT) || p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                if (p.getText().length() > MAX_NUMBER_TEXT) {
                    throw new LedgerBounds.OutOfBounds("amount-range", "must be at most " + MAX_NUMBER_TEXT
                            + " characters long");
                }
                amount = p.getDecimalValue();
            } else if (p.hasToken(JsonToken.VALUE_STRING)) {
                String text = p.getText();
                if (text.length() > MAX_NUMBER_TEXT) {
                    throw new LedgerBounds.OutOfBounds("amount-range", "must be at most " + MAX_NUMBER_TEXT
                            + " characters long");
                }
                try {
                    amount = new BigDecimal(text);
                } catch (NumberFormatException e) {
                    return (BigDecimal) ctxt.handleWeirdStringValue(BigDecimal.class, text,
                            "must be a decimal number, such as \"1000.00\"");
                }
            } else {
                return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
            }
            return LedgerBounds.amount(amount);
        }
    }

    /** A fiscal year only from a JSON whole number, within {@link LedgerBounds#year}. */
    static final class BoundedYear extends StdScalarDeserializer<FiscalYear> {

        BoundedYear() {
            super(FiscalYear.class);
        }

        @Override
        public FiscalYear deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                return (FiscalYear) ctxt.handleUnexpectedToken(FiscalYear.class, p);
            }
            if (p.getNumberType() != JsonParser.NumberType.INT) {
                throw new LedgerBounds.OutOfBounds("date-range", "must be a fiscal year from " + FiscalYear.FIRST
                        + " to " + LedgerBounds.LATEST_DATE.getYear());
            }
            return LedgerBounds.year(new FiscalYear(p.getIntValue()));
        }
    }
}
