/** The register of parties: admission of members, associates and observers. */
package org.charterledger.command.membership;
