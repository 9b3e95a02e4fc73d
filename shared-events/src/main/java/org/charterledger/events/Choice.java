package org.charterledger.events;

/** A vote on a motion. */
public enum Choice { YES, NO, ABSTAIN }
