/** The only technical package: Axon, the event store, security, idempotency and problem responses. */
package org.charterledger.command.config;
