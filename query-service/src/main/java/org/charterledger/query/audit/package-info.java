/**
 * The auditor's toolkit: the raw record, a hash chain over it that proves nothing was altered, and every decision
 * re-derived from its recorded events.
 */
@ApplicationModule(allowedDependencies = {"config"})
package org.charterledger.query.audit;

import org.springframework.modulith.ApplicationModule;
