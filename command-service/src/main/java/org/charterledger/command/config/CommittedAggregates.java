package org.charterledger.command.config;

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
 */
final class CommittedAggregates implements Cache {

    private final Cache delegate;

    CommittedAggregates(Cache delegate) {
        this.delegate = delegate;
    }

    @Override
    public <K, V> V get(K key) {
        return delegate.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            delegate.put(key, value);
            return;
        }
        delegate.remove(key);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                delegate.put(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (delegate.containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public boolean remove(Object key) {
        return delegate.remove(key);
    }

    @Override
    public void removeAll() {
        delegate.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return delegate.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return delegate.registerCacheEntryListener(cacheEntryListener);
    }
}
