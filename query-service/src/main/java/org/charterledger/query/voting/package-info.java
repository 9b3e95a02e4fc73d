/** Meetings and motions: rolls, attendance, ballots, and the live and final arithmetic of every decision. */
package org.charterledger.query.voting;
