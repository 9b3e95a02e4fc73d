/**
 * The published language of the ledger: every event is an immutable fact, a record with a {@code @Revision},
 * and the value types its fields are made of. The fully qualified class name is the stored type: never move one.
 */
package org.charterledger.events;
