/**
 * Offices of the Association: the chair's terms, acting chairs and the chair's succession when an Assembly closes
 * (Charter Art. 7(1)), the auditors (Art. 7(2)) and the Secretary-General (Art. 13).
 */
@ApplicationModule(allowedDependencies = {"config", "submission", "meetings"})
package org.charterledger.command.offices;

import org.springframework.modulith.ApplicationModule;
