/** The register of parties: admission of members, associates and observers. */
@ApplicationModule(allowedDependencies = {"config", "submission"})
package org.charterledger.command.membership;

import org.springframework.modulith.ApplicationModule;
