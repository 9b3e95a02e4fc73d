/** Meetings and motions: rolls, attendance, ballots, and the live and final arithmetic of every decision. */
@ApplicationModule(allowedDependencies = {"config"})
package org.charterledger.query.voting;

import org.springframework.modulith.ApplicationModule;
