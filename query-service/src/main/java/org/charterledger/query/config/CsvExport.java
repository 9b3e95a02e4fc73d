package org.charterledger.query.config;

import java.util.List;

/**
 * A table to download as CSV ({@link ExportConverters}): its rows, the record whose components name its columns in
 * order, and the file name a browser saves it under. A query's CSV is built from the records its JSON answer holds,
 * never by a second query.
 *
 * @param name the file name without its extension, naming the subject and the date, e.g. {@code rights-2021-08-10}
 */
public record CsvExport<T extends Record>(String name, Class<T> columns, Rows<T> rows) {

    public static <T extends Record> CsvExport<T> of(String name, Class<T> columns, List<T> rows) {
        return new CsvExport<>(name, columns, row -> rows.forEach(row));
    }
}
