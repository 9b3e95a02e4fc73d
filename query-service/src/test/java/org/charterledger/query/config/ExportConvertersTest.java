package org.charterledger.query.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.LongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** The one place that writes CSV and JSON Lines: RFC 4180 as written, and rows written as they come. */
class ExportConvertersTest {

    record Line(String id, String name, LocalDate since, boolean mayVote, Long position) {
    }

    private final ExportConverters.CsvConverter csv = new ExportConverters.CsvConverter();
    private final ExportConverters.JsonLinesConverter jsonLines = new ExportConverters.JsonLinesConverter(
            new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

    @Test
    void aHeaderOfTheRecordsComponentsThenARowEachQuotedWhereRfc4180SaysSo() throws Exception {
        Output output = new Output();

        csv.write(CsvExport.of("register-2021-08-10", Line.class, List.of(
                new Line("KR-ULSAN", "Ulsan Metropolitan City, \"Ulsan\"", LocalDate.of(2016, 1, 1), true, 12L),
                new Line("RU-SAKHA", "Республика Саха\n(Якутия)", null, false, null),
                new Line("MN-P7", "Province 7", null, true, 7L))), ExportConverters.TEXT_CSV, output);

        assertThat(output.text()).isEqualTo("id,name,since,mayVote,position\r\n"
                + "KR-ULSAN,\"Ulsan Metropolitan City, \"\"Ulsan\"\"\",2016-01-01,true,12\r\n"
                + "RU-SAKHA,\"Республика Саха\n(Якутия)\",,false,\r\n"
                + "MN-P7,Province 7,,true,7\r\n");
        assertThat(output.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
        assertThat(output.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"register-2021-08-10.csv\"");
    }

    @Test
    void anEmptyTableIsItsHeader() throws Exception {
        Output output = new Output();

        csv.write(CsvExport.of("ballots-GA14-M1-open", Line.class, List.of()), ExportConverters.TEXT_CSV, output);

        assertThat(output.text()).isEqualTo("id,name,since,mayVote,position\r\n");
    }

    @Test
    void csvRowsReachTheClientWhileTheSourceIsStillProducingThem() throws Exception {
        Output output = new Output();
        long[] writtenBeforeTheLastRow = {0};
        Rows<Line> source = tenThousand(output, writtenBeforeTheLastRow,
                i -> new Line("MN-P" + i, "Province " + i, null, true, i));

        csv.write(new CsvExport<>("record", Line.class, source), ExportConverters.TEXT_CSV, output);

        assertThat(writtenBeforeTheLastRow[0]).isGreaterThan(output.size() * 9 / 10);
        assertThat(output.text().split("\r\n")).hasSize(10_001);
    }

    @Test
    void jsonLinesAreOneDocumentALineFlushedAsTheyCome() throws Exception {
        Output output = new Output();
        long[] writtenBeforeTheLastRow = {0};
        Rows<Line> source = tenThousand(output, writtenBeforeTheLastRow,
                i -> new Line("MN-P" + i, "Province, \"" + i + "\"", LocalDate.of(2016, 1, 1), true, i));

        jsonLines.write(new JsonLinesExport<>("event-record", source), ExportConverters.NDJSON, output);

        String[] lines = output.text().split("\n", -1);
        assertThat(lines).hasSize(10_001);
        assertThat(lines[0]).isEqualTo("{\"id\":\"MN-P0\",\"name\":\"Province, \\\"0\\\"\",\"since\":\"2016-01-01\","
                + "\"mayVote\":true,\"position\":0}");
        assertThat(lines[10_000]).isEmpty();
        assertThat(writtenBeforeTheLastRow[0]).isGreaterThan(output.size() * 9 / 10);
        assertThat(output.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"event-record.jsonl\"");
    }

    /**
     * 10,000 rows made by {@code line} as a source produces them, one at a time; {@code flushedBeforeTheLast} notes
     * how much the client had been sent when the last row was about to be made.
     */
    private static Rows<Line> tenThousand(Output output, long[] flushedBeforeTheLast, LongFunction<Line> line) {
        return row -> {
            for (long i = 0; i < 10_000; i++) {
                if (i == 9_999) {
                    flushedBeforeTheLast[0] = output.flushed;
                }
                row.accept(line.apply(i));
            }
        };
    }

    /** A response body that remembers how much had been flushed to the client. */
    private static final class Output extends ByteArrayOutputStream implements HttpOutputMessage {

        private final HttpHeaders headers = new HttpHeaders();
        private long flushed;

        @Override
        public void flush() {
            flushed = size();
        }

        @Override
        public OutputStream getBody() {
            return this;
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        String text() {
            return toString(StandardCharsets.UTF_8);
        }
    }
}
