/** The query service: projections rebuilt from the ledger's events alone, and the query API over them. */
package org.charterledger.query;
