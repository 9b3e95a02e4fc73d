/** Offices of the Association: the chair's terms and acting chairs. */
package org.charterledger.command.offices;
