/** Subcommittees: coordinators on any date, terms due for renewal, coordinators that may be replaced. */
package org.charterledger.query.subcommittees;
