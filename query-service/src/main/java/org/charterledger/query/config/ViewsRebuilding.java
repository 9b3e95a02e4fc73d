package org.charterledger.query.config;

/** The views are being rebuilt: rather than a partial answer, a query is asked to come back. */
public class ViewsRebuilding extends RuntimeException {

    ViewsRebuilding() {
        super("the views are being rebuilt from the ledger; retry shortly (progress: /api/audit/rebuilds)");
    }
}
