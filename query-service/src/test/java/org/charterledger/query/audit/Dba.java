package org.charterledger.query.audit;

import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The attacker of the audit tests, a DBA: no service's role may change an event, and the append-only trigger refuses
 * it even to the table's owner, so each change is made as an owner bent on it would make it, with the trigger
 * disabled for its one transaction. The audit chain and the Merkle tree must catch it all the same.
 */
record Dba(JdbcClient jdbc, TransactionManager transactions) {

    byte[] payload(long position) {
        return jdbc.sql("SELECT payload FROM ledger.domain_event_entry WHERE global_index = ?").param(position)
                .query(byte[].class).single();
    }

    void setPayload(long position, byte[] payload) {
        tamper(() -> jdbc.sql("UPDATE ledger.domain_event_entry SET payload = ? WHERE global_index = ?")
                .params(payload, position).update());
    }

    void delete(long position) {
        tamper(() -> jdbc.sql("DELETE FROM ledger.domain_event_entry WHERE global_index = ?").param(position)
                .update());
    }

    private void tamper(Runnable change) {
        transactions.executeInTransaction(() -> {
            jdbc.sql("ALTER TABLE ledger.domain_event_entry DISABLE TRIGGER domain_event_entry_append_only").update();
            change.run();
            jdbc.sql("ALTER TABLE ledger.domain_event_entry ENABLE TRIGGER domain_event_entry_append_only").update();
        });
    }
}
