/** The register of parties: who was a member, associate or observer on a date. */
@ApplicationModule(allowedDependencies = {"config"})
package org.charterledger.query.register;

import org.springframework.modulith.ApplicationModule;
