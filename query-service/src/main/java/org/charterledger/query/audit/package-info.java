/**
 * The auditor's toolkit: the raw record, a hash chain over it that proves nothing was altered, and every decision
 * re-derived from its recorded events.
 */
package org.charterledger.query.audit;
