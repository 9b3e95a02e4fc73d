package org.charterledger.command.submission;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an aggregate: the stream ids the ledger keeps for this kind of record, as a regular expression (a singleton's
 * id, such as {@code CHAIR}, or a numbered family, such as {@code SC-[0-9]+}). {@link StreamOwners} refuses a
 * command of another kind on them, even before the stream exists.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReservedStreams {

    String value();
}
