package org.charterledger.events;

/** How a motion is voted on: at a sitting, or by written ballot (a returned ballot counts as presence). */
public enum Procedure { SITTING, WRITTEN_BALLOT }
