/** Meetings of the General Assembly and the Executive Committee, and who attended them. */
@ApplicationModule(allowedDependencies = {"config", "submission", "membership"})
package org.charterledger.command.meetings;

import org.springframework.modulith.ApplicationModule;
