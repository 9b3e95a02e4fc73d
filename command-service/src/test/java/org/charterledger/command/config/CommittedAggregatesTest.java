package org.charterledger.command.config;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

/** The aggregate cache shows, to every command, only what a committed transaction put there. */
class CommittedAggregatesTest {

    private final CommittedAggregates cache = new CommittedAggregates(100);
    private final Object committed = new Object();
    private final Object uncommitted = new Object();

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aPutInATransactionHidesTheOldEntryAndTakesEffectOnCommit() {
        cache.put("KR-ULSAN", committed);
        TransactionSynchronizationManager.initSynchronization();

        cache.put("KR-ULSAN", uncommitted);

        assertThat(cache.containsKey("KR-ULSAN")).isFalse();
        TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        assertThat((Object) cache.get("KR-ULSAN")).isSameAs(uncommitted);
    }

    @Test
    void aPutInATransactionThatRollsBackLeavesNothing() {
        cache.put("KR-ULSAN", committed);
        TransactionSynchronizationManager.initSynchronization();

        cache.put("KR-ULSAN", uncommitted);
        TransactionSynchronizationManager.getSynchronizations()
                .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));

        assertThat(cache.containsKey("KR-ULSAN")).isFalse();
    }

    @Test
    void outsideATransactionAPutTakesEffectAtOnce() {
        cache.put("KR-ULSAN", committed);

        assertThat((Object) cache.get("KR-ULSAN")).isSameAs(committed);
        assertThat(cache.putIfAbsent("KR-ULSAN", uncommitted)).isFalse();
    }
}
