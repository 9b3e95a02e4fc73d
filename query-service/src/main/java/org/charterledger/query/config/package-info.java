/** The only technical package: Axon, the token store, ledger positions, security and problem responses. */
package org.charterledger.query.config;
