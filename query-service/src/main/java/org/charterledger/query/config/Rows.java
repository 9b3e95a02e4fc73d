package org.charterledger.query.config;

import java.util.function.Consumer;

/**
 * The rows of an export, handed one at a time to whoever writes them: a list already read, or a cursor over the
 * database that is opened only while the response is written, so that an export of the whole ledger never holds it
 * in memory.
 */
@FunctionalInterface
public interface Rows<T> {

    void forEach(Consumer<? super T> row);
}
