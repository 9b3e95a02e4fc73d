package org.charterledger.command.subcommittees;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.charterledger.command.submission.BusinessDates;
import org.charterledger.command.submission.IdempotentCommands;
import org.charterledger.command.submission.IdempotentCommands.Receipt;
import org.charterledger.command.submission.IdempotentCommands.Submission;
import org.charterledger.command.submission.Receipts;
import org.charterledger.command.subcommittees.SubcommitteeCommands.AbolishSubcommittee;
import org.charterledger.command.subcommittees.SubcommitteeCommands.RecordSubcommitteeActivity;
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

/**
 * A subcommittee's abolition and activities. Setting one up and appointing or renewing its coordinators are decisions
 * of the Executive Committee, recorded only as the effects of motions that passed ({@code ESTABLISH_SUBCOMMITTEE},
 * {@code APPOINT_COORDINATORS}, {@code RENEW_COORDINATORS}), each citing its motion.
 */
@RestController
@RequestMapping("/api/subcommittees")
@Tag(name = "Subcommittees", description = "Subcommittees, coordinators' terms and activities (Subcommittee Regulation)")
class SubcommitteeController {

    private final IdempotentCommands commands;
    private final BusinessDates dates;

    SubcommitteeController(IdempotentCommands commands, BusinessDates dates) {
        this.commands = commands;
        this.dates = dates;
    }

    record AbolishRequest(@NotNull LocalDate on, @NotBlank @Size(max = 200) String decidedBy) {
    }

    record ActivityRequest(@Min(1) @Max(9999) Integer ordinal, @NotNull LocalDate firstDay, LocalDate lastDay, MemberId host,
                           @Size(max = 200) String form) {
    }

    /** A request answered with the subcommittee's number. */
    private ResponseEntity<Receipt> submit(String key, int number, Object request, Object command) {
        String stream = SubcommitteeCommands.streamOf(number);
        return Receipts.respond(HttpStatus.CREATED, "/api/subcommittees/" + number + "/history",
                commands.submit(key,
                new Submission(stream, Integer.toString(number), request, command)));
    }

    @PostMapping("/{number}/abolition")
    @Operation(operationId = "abolishSubcommittee", summary = "Abolish a subcommittee; its history stays")
    ResponseEntity<Receipt> abolish(@PathVariable int number,
                                    @RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
                                    @Valid @RequestBody AbolishRequest request) {
        return submit(idempotencyKey, number, request, new AbolishSubcommittee(SubcommitteeCommands.streamOf(number),
                dates.notInTheFuture("on", request.on()), request.decidedBy().strip()));
    }

    @PostMapping("/{number}/activities")
    @Operation(operationId = "recordSubcommitteeActivity",
            summary = "Record a meeting or Association event held by the subcommittee (Art. 5(4))")
    ResponseEntity<Receipt> activity(@PathVariable int number,
                                     @RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
                                     @Valid @RequestBody ActivityRequest request) {
        LocalDate lastDay = request.lastDay() == null ? request.firstDay() : request.lastDay();
        return submit(idempotencyKey, number, request, new RecordSubcommitteeActivity(
                SubcommitteeCommands.streamOf(number), request.ordinal(),
                dates.notInTheFuture("firstDay", request.firstDay()), dates.notInTheFuture("lastDay", lastDay),
                request.host(), request.form()));
    }
}
