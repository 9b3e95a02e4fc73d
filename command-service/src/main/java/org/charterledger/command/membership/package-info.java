/**
 * The register of parties and their dues: admission of members, associates and observers, withdrawal and
 * expulsion, dues payments and their reversal, and the schedule of dues rates the General Assembly decides.
 */
@ApplicationModule(allowedDependencies = {"config", "submission"})
package org.charterledger.command.membership;

import org.springframework.modulith.ApplicationModule;
