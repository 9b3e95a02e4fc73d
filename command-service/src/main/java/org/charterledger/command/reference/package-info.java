/** Imports an association's reference data (its register as an opening balance) through ordinary commands. */
@ApplicationModule(allowedDependencies = {"submission", "meetings", "membership", "offices", "subcommittees", "voting"})
package org.charterledger.command.reference;

import org.springframework.modulith.ApplicationModule;
