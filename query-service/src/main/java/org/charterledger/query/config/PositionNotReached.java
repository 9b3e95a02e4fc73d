package org.charterledger.query.config;

import java.time.Duration;

/** The views did not reach the position a query asked for within the wait allowed. */
public class PositionNotReached extends RuntimeException {

    PositionNotReached(long wanted, long reached, Duration waited) {
        super("the views have not reached ledger position " + wanted + " within " + waited.toSeconds()
                + " s (they reflect position " + reached + "); retry shortly");
    }
}
