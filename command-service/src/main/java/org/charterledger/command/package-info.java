/** The command service: REST commands become Axon commands, decided by aggregates, appended as events. */
package org.charterledger.command;
