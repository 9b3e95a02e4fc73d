package org.charterledger.events;

/** What a motion decides: a General Assembly function of Charter Art. 8, or a decision on a subcommittee. */
public enum MotionKind {
    /** One of the eleven items of Charter Art. 8 (by the GA, or by the EC under Art. 9-2). */
    ARTICLE_8,
    /** The replacement of an inactive subcommittee coordinator (Subcommittee Regulation Art. 5(7), 5(8)). */
    COORDINATOR_REPLACEMENT,
    /**
     * The Executive Committee's decisions on its subcommittees: setting one up, appointing its coordinators and
     * renewing their term (Charter Art. 11(4); Subcommittee Regulation Art. 2, 5(1), 5(2)).
     */
    SUBCOMMITTEE
}
