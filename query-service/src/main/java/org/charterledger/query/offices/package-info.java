/** Offices: who held the chair, the Secretary-General and the auditors on any date, and by which decision. */
@ApplicationModule(allowedDependencies = {"config"})
package org.charterledger.query.offices;

import org.springframework.modulith.ApplicationModule;
