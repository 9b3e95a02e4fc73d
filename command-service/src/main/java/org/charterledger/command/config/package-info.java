/**
 * Wiring and nothing else: Axon and the event store, the aggregate cache, the users and the rules of access, the
 * HTTP edge shared with the query service. What a command means is in the features; how it is submitted, in
 * {@code submission}.
 */
@ApplicationModule(allowedDependencies = {})
package org.charterledger.command.config;

import org.springframework.modulith.ApplicationModule;
