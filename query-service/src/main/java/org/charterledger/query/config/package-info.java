/** The only technical package: Axon, the token store, ledger positions, security and problem responses. */
@ApplicationModule(allowedDependencies = {})
package org.charterledger.query.config;

import org.springframework.modulith.ApplicationModule;
