/** Offices: who held the chair, the Secretary-General and the auditors on any date, and by which decision. */
package org.charterledger.query.offices;
