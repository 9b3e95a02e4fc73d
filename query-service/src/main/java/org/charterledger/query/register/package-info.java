/** The register of parties: who was a member, associate or observer on a date. */
package org.charterledger.query.register;
