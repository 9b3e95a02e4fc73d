/** Imports an association's reference data (its register as an opening balance) through ordinary commands. */
package org.charterledger.command.reference;
