/** Subcommittees: coordinators on any date, terms due for renewal, coordinators that may be replaced. */
@ApplicationModule(allowedDependencies = {"config"})
package org.charterledger.query.subcommittees;

import org.springframework.modulith.ApplicationModule;
