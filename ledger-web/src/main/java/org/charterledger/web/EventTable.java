package org.charterledger.web;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger's event table, which the command service's migrations create ({@code V1__event_store.sql}) and both
 * services read: its names for Axon's JDBC engine, and the ledger's newest position.
 */
public final class EventTable {

    private EventTable() {
    }

    /** The table and column names of {@code V1__event_store.sql}. */
    public static EventSchema schema() {
        return EventSchema.builder()
                .eventTable("ledger.domain_event_entry")
                .snapshotTable("ledger.snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /** The position (global index) of the newest event this transaction sees; 0 while the ledger is empty. */
    public static long newestPosition(JdbcClient jdbc) {
        return jdbc.sql("SELECT COALESCE(MAX(global_index), 0) FROM ledger.domain_event_entry")
                .query(Long.class).single();
    }
}
