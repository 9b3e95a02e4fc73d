package org.charterledger.events;

/** An event of the one dues schedule's stream: the yearly rate the General Assembly set. */
public sealed interface DuesScheduleEvent extends LedgerEvent permits DuesRateChanged {
}
