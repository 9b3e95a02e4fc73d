/**
 * The read-only pages at {@code /}: the register, a party, rights, meetings and motions, offices, subcommittees and
 * the audit, server-rendered (Thymeleaf) from the same query components the JSON API answers with, each page linking
 * to the JSON it is built from. Timelines and bars are drawn here as SVG; bad input is answered as an HTML page.
 */
@ApplicationModule(allowedDependencies = {"config", "register", "rights", "voting", "offices", "subcommittees", "audit"})
package org.charterledger.query.pages;

import org.springframework.modulith.ApplicationModule;
