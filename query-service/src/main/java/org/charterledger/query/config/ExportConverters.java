package org.charterledger.query.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Downloads beside the JSON: a query answers {@code text/csv} with a {@link CsvExport} of the records its JSON
 * holds, and the event record answers JSON Lines with a {@link JsonLinesExport}; the two converters here are the
 * only code that writes either format. A plain link can ask with {@code ?format=csv} (or {@code jsonl},
 * {@code ndjson}, {@code json}) instead of an Accept header; a format nobody serves is 406 ({@link Problems}).
 * <p>
 * Rows are written as they come and flushed every {@value #FLUSH_EVERY} rows, so a download of the whole ledger
 * starts at once and holds one row at a time.
 */
@Configuration(proxyBeanMethods = false)
class ExportConverters implements WebMvcConfigurer {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    /** JSON Lines under both names in use: application/x-ndjson and the newer application/jsonl. */
    public static final MediaType NDJSON = MediaType.APPLICATION_NDJSON;
    public static final MediaType JSONL = new MediaType("application", "jsonl");
    private static final int FLUSH_EVERY = 256;

    static {
        // In the API's description a download is text; the record carrying it to its converter is no schema.
        SpringDocUtils.getConfig()
                .replaceWithSchema(CsvExport.class, new StringSchema())
                .replaceWithSchema(JsonLinesExport.class, new StringSchema());
    }

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer negotiation) {
        negotiation.favorParameter(true).parameterName("format")
                .mediaType("csv", TEXT_CSV)
                .mediaType("jsonl", JSONL)
                .mediaType("ndjson", NDJSON)
                .mediaType("json", MediaType.APPLICATION_JSON);
    }

    @Bean
    CsvConverter csvConverter() {
        return new CsvConverter();
    }

    @Bean
    JsonLinesConverter jsonLinesConverter(ObjectMapper json) {
        return new JsonLinesConverter(json);
    }

    /**
     * What the two converters share: they write a download of one kind, never read one, and name the file it is
     * saved under.
     */
    abstract static sealed class DownloadConverter<E> extends AbstractHttpMessageConverter<E>
            permits CsvConverter, JsonLinesConverter {

        private final Class<?> kind;
        private final String extension;

        DownloadConverter(Class<?> kind, String extension, MediaType... types) {
            super(StandardCharsets.UTF_8, types);
            this.kind = kind;
            this.extension = extension;
        }

        /** The file name, without its extension, a browser saves the download under. */
        abstract String name(E download);

        /** Writes the download's rows to the body as they come. */
        abstract void write(E download, OutputStream body) throws IOException;

        @Override
        protected boolean supports(Class<?> type) {
            return kind.isAssignableFrom(type);
        }

        @Override
        protected boolean canRead(MediaType mediaType) {
            return false;
        }

        @Override
        protected E readInternal(Class<? extends E> type, HttpInputMessage input) {
            throw new HttpMessageNotReadableException("a download is only written", input);
        }

        @Override
        protected void addDefaultHeaders(HttpHeaders headers, E download, MediaType contentType) throws IOException {
            super.addDefaultHeaders(headers, download, contentType);
            headers.setContentDisposition(ContentDisposition.attachment()
                    .filename(name(download) + "." + extension).build());
        }

        @Override
        protected void writeInternal(E download, HttpOutputMessage output) throws IOException {
            write(download, output.getBody());
        }
    }

    /**
     * RFC 4180 CSV in UTF-8 (names in local scripts as recorded): a header row of the row record's component names
     * in declaration order, CRLF line ends, a field quoted when it holds a comma, a quote or a line break; dates
     * ISO-8601; an absent value an empty field.
     */
    static final class CsvConverter extends DownloadConverter<CsvExport<?>> {

        private final CsvMapper csv = CsvMapper.builder()
                .addModule(new JavaTimeModule())
                // the columns in the row record's order, not the alphabetical order CsvMapper defaults to
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                // quote a field only where RFC 4180 needs it, not every field with a space in it
                .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
                .build();

        CsvConverter() {
            super(CsvExport.class, "csv", TEXT_CSV);
        }

        @Override
        String name(CsvExport<?> export) {
            return export.name();
        }

        @Override
        void write(CsvExport<?> export, OutputStream body) throws IOException {
            CsvSchema header = csv.schemaFor(export.columns()).withHeader().withLineSeparator("\r\n");
            try (SequenceWriter rows = csv.writer(header).writeValues(body)) {
                eachFlushing(export.rows(), rows::write, rows::flush);
            }
        }
    }

    /** One JSON document a line, each written by the application's ObjectMapper exactly as its JSON answer is. */
    static final class JsonLinesConverter extends DownloadConverter<JsonLinesExport<?>> {

        private final ObjectWriter json;

        JsonLinesConverter(ObjectMapper json) {
            super(JsonLinesExport.class, "jsonl", NDJSON, JSONL);
            this.json = json.writer().without(SerializationFeature.INDENT_OUTPUT)
                    .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        }

        @Override
        String name(JsonLinesExport<?> export) {
            return export.name();
        }

        @Override
        void write(JsonLinesExport<?> export, OutputStream body) throws IOException {
            eachFlushing(export.rows(), row -> {
                body.write(json.writeValueAsBytes(row));
                body.write('\n');
            }, body::flush);
        }
    }

    private interface Write<T> {
        void accept(T row) throws IOException;
    }

    private interface Flush {
        void run() throws IOException;
    }

    private static <T> void eachFlushing(Rows<T> rows, Write<? super T> write, Flush flush) throws IOException {
        int[] written = {0};
        try {
            rows.forEach(row -> {
                try {
                    write.accept(row);
                    if (++written[0] % FLUSH_EVERY == 0) {
                        flush.run();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        flush.run();
    }
}
