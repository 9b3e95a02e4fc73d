package org.charterledger.events;

/** How a motion ended. */
public enum Outcome { PASSED, FAILED, NO_QUORUM }
