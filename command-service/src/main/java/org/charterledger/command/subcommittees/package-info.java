/** Subcommittees, their coordinators' terms and their activities (Subcommittee Regulation). */
package org.charterledger.command.subcommittees;
