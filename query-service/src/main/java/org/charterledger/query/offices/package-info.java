/** Offices: who held the chair on any date, with the decision that put it there, and acting chairs. */
package org.charterledger.query.offices;
