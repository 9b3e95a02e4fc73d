package org.charterledger.command.config;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The aggregate cache, holding only what has committed. Axon puts an aggregate in its cache when its unit of work
 * commits, but that unit of work runs inside the database transaction of {@link IdempotentCommands}, which may still
 * roll back after it; another command reading the aggregate from the cache meanwhile would decide on events that were
 * never stored, and could even append after a sequence number that does not exist. So a put made inside a
 * transaction removes the entry at once (this transaction reads its own rows from the database) and takes effect only
 * once the transaction has committed; a rolled-back transaction leaves nothing behind.
 * <p>
 * It holds the aggregates used last, strongly, up to {@code maximumSize} (Caffeine). Axon's {@code WeakReferenceCache}
 * lost its entries at every garbage collection, which under load is several times a second: most commands replayed
 * their record's whole stream.
 */
final class CommittedAggregates implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> delegate;

    CommittedAggregates(long maximumSize) {
        this.delegate = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) delegate.getIfPresent(key);
    }

    @Override
    public void put(Object key, Object value) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            delegate.put(key, value);
            return;
        }
        delegate.invalidate(key);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                delegate.put(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public boolean remove(Object key) {
        return delegate.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        delegate.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return delegate.getIfPresent(key) != null;
    }

    /** Nothing in the ledger listens to the cache's entries. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("the aggregate cache takes no entry listeners");
    }
}
