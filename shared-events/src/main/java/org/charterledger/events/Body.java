package org.charterledger.events;

/** The bodies that meet and decide (Charter Art. 6, 10). */
public enum Body {
    /** The General Assembly of the heads of the member governments, every two years (Art. 6). */
    GA,
    /** The Executive Committee of officials appointed by each member government (Art. 10). */
    EC
}
