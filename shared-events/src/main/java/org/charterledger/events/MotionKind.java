package org.charterledger.events;

/** What a motion decides: a General Assembly function of Charter Art. 8, or a coordinator's replacement. */
public enum MotionKind {
    /** One of the eleven items of Charter Art. 8 (by the GA, or by the EC under Art. 9-2). */
    ARTICLE_8,
    /** The replacement of an inactive subcommittee coordinator (Subcommittee Regulation Art. 5(7), 5(8)). */
    COORDINATOR_REPLACEMENT
}
