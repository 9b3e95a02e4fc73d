package org.charterledger.events;

/**
 * Every event the ledger records: one sealed family per kind of stream, so that a consumer (and the approved JSON
 * samples) can list them all. The families are interfaces beside the records; a record's fully qualified name is
 * its stored type and never moves.
 */
public sealed interface LedgerEvent
        permits PartyEvent, MotionEvent, MeetingEvent, OfficeEvent, SubcommitteeEvent, DuesScheduleEvent {
}
