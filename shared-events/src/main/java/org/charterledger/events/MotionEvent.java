package org.charterledger.events;

/** An event of one motion's stream (keyed by its id): opened, voted on, decided, and what its decision elected. */
public sealed interface MotionEvent extends LedgerEvent, BusinessDated
        permits MotionOpened, VoteCast, MotionDecided, NextHostElected {
}
