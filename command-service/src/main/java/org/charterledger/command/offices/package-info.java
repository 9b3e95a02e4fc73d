/** Offices of the Association: the chair's terms and acting chairs. */
@ApplicationModule(allowedDependencies = {"config", "submission", "meetings"})
package org.charterledger.command.offices;

import org.springframework.modulith.ApplicationModule;
