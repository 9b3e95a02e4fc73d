/**
 * Motions: their frozen voter roll, the votes, and the decision by the charter's quorum and threshold. A motion
 * reads the facts the other features record (a party's standing in {@code membership}, the meeting and its
 * attendance in {@code meetings}, the chair and the auditors in {@code offices}, a subcommittee) and carries its
 * decision's effects to them: those are the dependencies it declares. Delegates' rights to vote (Art. 9(1)) are
 * checked here too ({@link org.charterledger.command.voting.Delegates}).
 */
@ApplicationModule(allowedDependencies = {"config", "submission", "meetings", "membership", "offices", "subcommittees"})
package org.charterledger.command.voting;

import org.springframework.modulith.ApplicationModule;
