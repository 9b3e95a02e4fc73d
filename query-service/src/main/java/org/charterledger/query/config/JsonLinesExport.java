package org.charterledger.query.config;

/**
 * Records to download as JSON Lines ({@link ExportConverters}): each row written as its JSON answer writes it, one
 * to a line, as the rows arrive.
 *
 * @param name the file name without its extension
 */
public record JsonLinesExport<T>(String name, Rows<T> rows) {
}
