/**
 * Dues and voting rights: the dues statement of a member and who may vote and stand on a date, and why not,
 * derived by the charter rules of {@code shared-events} from the recorded facts.
 */
@ApplicationModule(allowedDependencies = {"config"})
package org.charterledger.query.rights;

import org.springframework.modulith.ApplicationModule;
