package org.charterledger.events;

/** What an admission rests on. */
public enum AdmissionBasis {
    /**
     * The party was already in its category when the ledger's history starts; recorded when history is imported,
     * and needing no motion.
     */
    OPENING_BALANCE,
    /** The General Assembly (or the Executive Committee under Art. 9-2) decided it by a motion that passed. */
    DECISION
}
