/** Motions: their frozen voter roll, the votes, and the decision by the charter's quorum and threshold. */
package org.charterledger.command.voting;
