/** Subcommittees, their coordinators' terms and their activities (Subcommittee Regulation). */
@ApplicationModule(allowedDependencies = {"config", "submission"})
package org.charterledger.command.subcommittees;

import org.springframework.modulith.ApplicationModule;
