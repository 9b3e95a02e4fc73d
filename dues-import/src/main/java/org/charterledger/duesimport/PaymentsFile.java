package org.charterledger.duesimport;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.charterledger.charter.DuesRates;
import org.charterledger.events.FiscalYear;
import org.charterledger.events.LedgerBounds;
import org.charterledger.events.MemberId;
import org.charterledger.events.Money;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a payments file: CSV in UTF-8 (RFC 4180 quoting, as a spreadsheet saves it; a byte-order mark is allowed),
 * a header row naming the {@link #COLUMNS} in any order, then one payment a row. Each row is checked for its form
 * only, field by field, with the ledger's own value types and bounds: whether the ledger's charter rules accept the
 * payment (a member that owes dues for that year, the value credited in the dues' currency) is the ledger's to say
 * when the row is submitted. A row that is not well formed is reported with its line and fields and never sent.
 */
public final class PaymentsFile {

    public static final String MEMBER = "member";
    public static final String FISCAL_YEAR = "fiscal_year";
    public static final String AMOUNT_PAID = "amount_paid";
    public static final String CURRENCY = "currency";
    public static final String AMOUNT_CREDITED = "amount_credited";
    public static final String PAID_ON = "paid_on";
    public static final String REFERENCE = "reference";
    /** The columns, in the order the sample file has them. Every one must be in the header; only credited may be empty. */
    public static final List<String> COLUMNS =
            List.of(MEMBER, FISCAL_YEAR, AMOUNT_PAID, CURRENCY, AMOUNT_CREDITED, PAID_ON, REFERENCE);
    /** The longest reference the payments API takes. */
    static final int MAX_REFERENCE = 200;

    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,20}(\\.[0-9]{1,10})?");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    private static final DateTimeFormatter ISO_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    /** A row as read: a payment to submit, or what is wrong with it. */
    public sealed interface Row permits Valid, Malformed {
        int line();
    }

    public record Valid(Payment payment) implements Row {
        @Override
        public int line() {
            return payment.line();
        }
    }

    /** A row not sent: each field at fault, with the rule it breaks. */
    public record Malformed(int line, List<FieldError> errors) implements Row {
    }

    /** {@code field} is the file's column (or {@code row} for the row as a whole). */
    public record FieldError(String field, String rule, String detail) {
        @Override
        public String toString() {
            return field + " [" + rule + "]: " + detail;
        }
    }

    /** The file cannot be read as a payments file at all (no header, an unknown column, not UTF-8, not CSV). */
    public static final class UnreadableFile extends RuntimeException {
        public UnreadableFile(String message) {
            super(message);
        }
    }

    private PaymentsFile() {
    }

    public static List<Row> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UnreadableFile("cannot read " + file + ": " + e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableFile(file + " is not UTF-8 text: save the spreadsheet as \"CSV UTF-8\"");
        }
        return parse(text);
    }

    /** The rows of a payments file's text, in file order. */
    public static List<Row> parse(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Line> lines = lines(new StringReader(text));
        if (lines.isEmpty()) {
            throw new UnreadableFile("the file is empty: its first row must name the columns " + String.join(",", COLUMNS));
        }
        Map<String, Integer> columns = header(lines.get(0).cells());
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> identities = new HashMap<>();
        for (Line line : lines.subList(1, lines.size())) {
            if (line.cells().stream().allMatch(String::isBlank)) {
                continue; // a spreadsheet's trailing empty rows
            }
            Row row = row(line, columns);
            if (row instanceof Valid valid) {
                Integer first = identities.putIfAbsent(valid.payment().identity(), line.number());
                if (first != null) {
                    row = new Malformed(line.number(), List.of(new FieldError("row", "one-row-per-payment",
                            "the same member, fiscal year, paid_on and reference as line " + first
                                    + ": one payment is one row (a second would share its idempotency key)")));
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private record Line(int number, List<String> cells) {
    }

    /** Each CSV record with the line it starts on (a quoted cell may span lines). */
    private static List<Line> lines(Reader reader) {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<Line> lines = new ArrayList<>();
        try (MappingIterator<List<String>> records = mapper.readerForListOf(String.class)
                .with(CsvSchema.emptySchema()).readValues(reader)) {
            CsvParser parser = (CsvParser) records.getParser();
            int next = 1;
            while (records.hasNextValue()) {
                List<String> cells = records.nextValue();
                lines.add(new Line(next, cells));
                // The parser stands at the end of the record it has just read: the next record starts on the line after.
                next = parser.currentLocation().getLineNr() + (parser.currentLocation().getColumnNr() > 1 ? 1 : 0);
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFile("not a CSV file: " + e.getMessage());
        }
        return lines;
    }

    private static Map<String, Integer> header(List<String> cells) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            if (!COLUMNS.contains(name)) {
                throw new UnreadableFile("line 1: unknown column '" + cells.get(i) + "'; the columns are "
                        + String.join(",", COLUMNS));
            }
            if (columns.put(name, i) != null) {
                throw new UnreadableFile("line 1: the column " + name + " is named twice");
            }
        }
        List<String> missing = COLUMNS.stream().filter(column -> !columns.containsKey(column)).toList();
        if (!missing.isEmpty()) {
            throw new UnreadableFile("line 1: the header lacks the column(s) " + String.join(",", missing)
                    + "; the first row must name the columns " + String.join(",", COLUMNS));
        }
        return columns;
    }

    private static Row row(Line line, Map<String, Integer> columns) {
        if (line.cells().size() != columns.size()) {
            return new Malformed(line.number(), List.of(new FieldError("row", "cells-per-row",
                    "has " + line.cells().size() + " cells; the header names " + columns.size())));
        }
        Fields fields = new Fields(line.cells(), columns);
        MemberId member = fields.member();
        FiscalYear year = fields.fiscalYear();
        Currency currency = fields.currency();
        Money paid = fields.money(AMOUNT_PAID, currency, true);
        Money credited = fields.money(AMOUNT_CREDITED, year == null ? null : DuesRates.initial().rateFor(year).currency(),
                false);
        LocalDate paidOn = fields.date();
        String reference = fields.reference();
        if (!fields.errors.isEmpty()) {
            return new Malformed(line.number(), List.copyOf(fields.errors));
        }
        return new Valid(new Payment(line.number(), member, year, paid, credited, paidOn, reference));
    }

    /** One row's cells, each read by its column's rule; what is wrong is collected, not thrown. */
    private static final class Fields {

        private final List<String> cells;
        private final Map<String, Integer> columns;
        final List<FieldError> errors = new ArrayList<>();

        Fields(List<String> cells, Map<String, Integer> columns) {
            this.cells = cells;
            this.columns = columns;
        }

        private String cell(String column) {
            return cells.get(columns.get(column)).strip();
        }

        private String required(String column) {
            String value = cell(column);
            if (value.isEmpty()) {
                errors.add(new FieldError(column, "required", "must not be empty"));
                return null;
            }
            return value;
        }

        MemberId member() {
            String value = required(MEMBER);
            if (value == null) {
                return null;
            }
            try {
                return new MemberId(value);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(MEMBER, "member-id", e.getMessage() + ", not '" + value + "'"));
                return null;
            }
        }

        FiscalYear fiscalYear() {
            String value = required(FISCAL_YEAR);
            if (value == null) {
                return null;
            }
            try {
                if (!YEAR.matcher(value).matches()) {
                    throw new IllegalArgumentException("must be a year of four digits, such as 2021");
                }
                return LedgerBounds.year(new FiscalYear(Integer.parseInt(value)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(FISCAL_YEAR, "fiscal-year", e.getMessage() + ", not '" + value + "'"));
                return null;
            }
        }

        Currency currency() {
            String value = required(CURRENCY);
            if (value == null) {
                return null;
            }
            if (CURRENCY_CODE.matcher(value).matches()) {
                try {
                    return Currency.getInstance(value);
                } catch (IllegalArgumentException unknown) {
                    // reported below
                }
            }
            errors.add(new FieldError(CURRENCY, "currency",
                    "must be an ISO 4217 currency code, such as KRW or USD, not '" + value + "'"));
            return null;
        }

        /** An amount in {@code currency} (null when the currency is itself at fault), more than zero. */
        Money money(String column, Currency currency, boolean required) {
            String value = required ? required(column) : cell(column);
            if (value == null || value.isEmpty()) {
                return null;
            }
            if (!DECIMAL.matcher(value).matches()) {
                errors.add(new FieldError(column, "decimal", "must be a decimal number with a point and no"
                        + " separators or currency sign, such as 1180000 or 1000.00, not '" + value + "'"));
                return null;
            }
            try {
                BigDecimal amount = LedgerBounds.amount(new BigDecimal(value));
                if (amount.signum() <= 0) {
                    errors.add(new FieldError(column, "positive", "must be more than zero"));
                    return null;
                }
                return currency == null ? null : new Money(amount, currency);
            } catch (LedgerBounds.OutOfBounds e) {
                errors.add(new FieldError(column, e.rule(), e.getMessage()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(column, "currency-decimals", e.getMessage()));
            }
            return null;
        }

        LocalDate date() {
            String value = required(PAID_ON);
            if (value == null) {
                return null;
            }
            try {
                return LedgerBounds.date(LocalDate.parse(value, ISO_DATE));
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(PAID_ON, "date", "must be a date as YYYY-MM-DD, such as 2021-03-02, not '"
                        + value + "'"));
            } catch (LedgerBounds.OutOfBounds e) {
                errors.add(new FieldError(PAID_ON, e.rule(), e.getMessage()));
            }
            return null;
        }

        String reference() {
            String value = required(REFERENCE);
            if (value == null) {
                return null;
            }
            try {
                LedgerBounds.text(value);
            } catch (LedgerBounds.OutOfBounds e) {
                errors.add(new FieldError(REFERENCE, e.rule(), e.getMessage()));
                return null;
            }
            if (value.length() > MAX_REFERENCE) {
                errors.add(new FieldError(REFERENCE, "length", "must be at most " + MAX_REFERENCE + " characters long"));
                return null;
            }
            return value;
        }
    }
}
