package org.charterledger.command.subcommittees;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.charterledger.command.config.BusinessDates;
import org.charterledger.command.config.IdempotentCommands;
import org.charterledger.command.config.IdempotentCommands.Receipt;
import org.charterledger.command.config.IdempotentCommands.Submission;
import org.charterledger.command.config.Receipts;
import org.charterledger.command.membership.PartyFactsLoader;
import org.charterledger.command.subcommittees.SubcommitteeCommands.AbolishSubcommittee;
import org.charterledger.command.subcommittees.SubcommitteeCommands.AppointCoordinator;
import org.charterledger.command.subcommittees.SubcommitteeCommands.EstablishSubcommittee;
import org.charterledger.command.subcommittees.SubcommitteeCommands.RecordSubcommitteeActivity;
import org.charterledger.command.subcommittees.SubcommitteeCommands.RenewCoordinator;
import org.charterledger.events.LedgerBounds;
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

@RestController
@RequestMapping("/api/subcommittees")
@Tag(name = "Subcommittees", description = "Subcommittees, coordinators' terms and activities (Subcommittee Regulation)")
class SubcommitteeController {

    private final IdempotentCommands commands;
    private final PartyFactsLoader parties;
    private final BusinessDates dates;

    SubcommitteeController(IdempotentCommands commands, PartyFactsLoader parties, BusinessDates dates) {
        this.commands = commands;
        this.parties = parties;
        this.dates = dates;
    }

    record EstablishRequest(@NotNull @Min(1) @Max(999) Integer number, @NotBlank @Size(max = 200) String name,
                            @Size(max = 200) String field, @NotNull LocalDate founded,
                            @NotBlank @Size(max = 200) String decidedBy) {
    }

    record AbolishRequest(@NotNull LocalDate on, @NotBlank @Size(max = 200) String decidedBy) {
    }

    record AppointRequest(@NotEmpty @Size(max = LedgerBounds.MAX_PARTIES) List<@NotNull MemberId> coordinators, @NotNull LocalDate start,
                          @NotBlank @Size(max = 200) String decidedBy) {
    }

    record RenewRequest(@NotBlank @Size(max = 200) String decidedBy) {
    }

    record ActivityRequest(@Min(1) @Max(9999) Integer ordinal, @NotNull LocalDate firstDay, LocalDate lastDay, MemberId host,
                           @Size(max = 200) String form) {
    }

    /** A request answered with the subcommittee's number. */
    private ResponseEntity<Receipt> submit(String key, int number, Object request, Object command) {
        String stream = SubcommitteeCommands.streamOf(number);
        return Receipts.respond(HttpStatus.CREATED, commands.submit(key,
                new Submission(stream, Integer.toString(number), request, command)));
    }

    @PostMapping
    @Operation(summary = "Establish a subcommittee by decision of the Executive Committee (Charter Art. 11(4))")
    ResponseEntity<Receipt> establish(@RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
                                      @Valid @RequestBody EstablishRequest request) {
        return submit(idempotencyKey, request.number(), request, new EstablishSubcommittee(
                SubcommitteeCommands.streamOf(request.number()), request.number(), request.name().strip(),
                request.field(), request.founded(), request.decidedBy().strip()));
    }

    @PostMapping("/{number}/abolition")
    @Operation(summary = "Abolish a subcommittee; its history stays")
    ResponseEntity<Receipt> abolish(@PathVariable int number,
                                    @RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
                                    @Valid @RequestBody AbolishRequest request) {
        return submit(idempotencyKey, number, request, new AbolishSubcommittee(SubcommitteeCommands.streamOf(number),
                dates.notInTheFuture("on", request.on()), request.decidedBy().strip()));
    }

    @PostMapping("/{number}/coordinators")
    @Operation(summary = "Appoint the coordinators for a two-year term",
            description = "One or more MEMBER governments (co-coordination); associates, observers and parties that"
                    + " left may not coordinate.")
    ResponseEntity<Receipt> appoint(@PathVariable int number,
                                    @RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
                                    @Valid @RequestBody AppointRequest request) {
        return submit(idempotencyKey, number, request, new AppointCoordinator(SubcommitteeCommands.streamOf(number),
                request.coordinators(), request.start(), request.decidedBy().strip(),
                parties.categoriesOn(request.coordinators(), request.start())));
    }

    @PostMapping("/{number}/coordinators/renewal")
    @Operation(summary = "Renew the coordinators for the next two-year term, from the end of the current one")
    ResponseEntity<Receipt> renew(@PathVariable int number,
                                  @RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
                                  @Valid @RequestBody RenewRequest request) {
        return submit(idempotencyKey, number, request, new RenewCoordinator(SubcommitteeCommands.streamOf(number),
                request.decidedBy().strip()));
    }

    @PostMapping("/{number}/activities")
    @Operation(summary = "Record a meeting or Association event held by the subcommittee (Art. 5(4))")
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
