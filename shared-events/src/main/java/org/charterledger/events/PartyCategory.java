package org.charterledger.events;

/** The category in which a government takes part in the Association (Charter Art. 4, 4-2; CHARTER.md §1). */
public enum PartyCategory {
    /** A province-level government of China, DPRK, Japan, Mongolia, Korea or Russia (Art. 4). */
    MEMBER,
    /** A province-level government elsewhere in Asia (Art. 4-2): no vote, no office. */
    ASSOCIATE,
    /** A government invited to follow the work before or instead of joining: no vote, no office, no dues. */
    OBSERVER
}
