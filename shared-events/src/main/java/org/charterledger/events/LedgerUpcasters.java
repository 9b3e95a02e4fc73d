package org.charterledger.events;

import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/**
 * Every upcaster of the ledger's events, in the order they apply: the one list that both services register with Axon
 * and that the offline verifier reads certificates with, so that a stored event reads the same everywhere. An event
 * whose stored form changes gets its upcaster here, and nowhere else.
 */
public final class LedgerUpcasters {

    private LedgerUpcasters() {
    }

    /** The chain: {@link MemberAdmittedUpcaster}, then {@link DecisionReferenceUpcaster}. */
    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(new MemberAdmittedUpcaster(), new DecisionReferenceUpcaster());
    }
}
