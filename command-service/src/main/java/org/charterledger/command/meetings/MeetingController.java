package org.charterledger.command.meetings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.charterledger.command.submission.IdempotentCommands;
import org.charterledger.command.submission.IdempotentCommands.Receipt;
import org.charterledger.command.submission.IdempotentCommands.Submission;
import org.charterledger.command.submission.Receipts;
import org.charterledger.command.submission.UnknownRecord;
import org.charterledger.command.membership.PartyFactsLoader;
import org.charterledger.command.meetings.MeetingCommands.CloseMeeting;
import org.charterledger.command.meetings.MeetingCommands.ConveneMeeting;
import org.charterledger.command.meetings.MeetingCommands.RecordAttendance;
import org.charterledger.events.Body;
import org.charterledger.events.LedgerBounds;
import org.charterledger.events.MeetingId;
import org.charterledger.events.MemberId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

@RestController
@RequestMapping("/api/meetings")
@Tag(name = "Meetings", description = "General Assembly and Executive Committee meetings, and attendance")
class MeetingController {

    private final IdempotentCommands commands;
    private final PartyFactsLoader parties;

    MeetingController(IdempotentCommands commands, PartyFactsLoader parties) {
        this.commands = commands;
        this.parties = parties;
    }

    record ConveneRequest(@NotNull MeetingId id, @NotNull Body body, @NotNull @Max(9999) Integer ordinal,
                          @NotNull MemberId host, @NotBlank @Size(max = 200) String venue, @NotNull LocalDate firstDay,
                          @NotNull LocalDate lastDay) {
    }

    /** The governments present: parties the ledger records, each named at most once per request. */
    record AttendanceRequest(@NotEmpty @Size(max = LedgerBounds.MAX_PARTIES) List<@NotNull MemberId> present) {
    }

    /** Every id names a party the ledger records: an unknown id would be junk in the permanent record. */
    private void checkKnown(String field, List<MemberId> ids) {
        Set<MemberId> known = parties.recorded(ids);
        for (int i = 0; i < ids.size(); i++) {
            if (!known.contains(ids.get(i))) {
                throw new UnknownRecord(ids.size() == 1 && field.equals("host") ? field : field + "[" + i + "]",
                        "party " + ids.get(i));
            }
        }
    }

    @PostMapping
    @Operation(operationId = "conveneMeeting",
            summary = "Convene a meeting of the General Assembly or the Executive Committee")
    ResponseEntity<Receipt> convene(@RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
                                    @Valid @RequestBody ConveneRequest request) {
        checkKnown("host", List.of(request.host()));
        return Receipts.respond(HttpStatus.CREATED, "/api/meetings/" + request.id().value(),
                commands.submit(idempotencyKey, Submission.of(request.id().value(),
                new ConveneMeeting(request.id(), request.body(), request.ordinal(), request.host(),
                        request.venue().strip(), request.firstDay(), request.lastDay()))));
    }

    @PostMapping("/{id}/attendance")
    @Operation(operationId = "recordAttendance", summary = "Record governments present at a meeting",
            description = "Only the attendance of parties on a motion's roll counts for its quorum.")
    ResponseEntity<Receipt> attendance(@PathVariable MeetingId id,
                                       @RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
                                       @Valid @RequestBody AttendanceRequest request) {
        checkKnown("present", request.present());
        return Receipts.respond(HttpStatus.CREATED, "/api/meetings/" + id.value(),
                commands.submit(idempotencyKey,
                Submission.of(id.value(), new RecordAttendance(id, request.present()))));
    }

    @PostMapping("/{id}/closure")
    @Operation(operationId = "closeMeeting", summary = "Close a meeting on its last day")
    ResponseEntity<Receipt> close(@PathVariable MeetingId id,
                                  @RequestHeader(IdempotentCommands.HEADER) String idempotencyKey) {
        return Receipts.respond(HttpStatus.CREATED, "/api/meetings/" + id.value(),
                commands.submit(idempotencyKey,
                Submission.of(id.value(), new CloseMeeting(id))));
    }
}
