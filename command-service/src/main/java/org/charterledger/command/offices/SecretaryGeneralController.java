package org.charterledger.command.offices;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.charterledger.command.submission.BusinessDates;
import org.charterledger.command.submission.IdempotentCommands;
import org.charterledger.command.submission.IdempotentCommands.Receipt;
import org.charterledger.command.submission.IdempotentCommands.Submission;
import org.charterledger.command.submission.Receipts;
import org.charterledger.command.offices.SecretaryGeneral.AppointSecretaryGeneral;
import org.charterledger.command.offices.SecretaryGeneral.EndSecretaryGeneralTerm;
import org.charterledger.events.MemberId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
@RequestMapping("/api/offices/secretary-general")
@Tag(name = "Offices", description = "The Secretary-General (Charter Art. 13)")
class SecretaryGeneralController {

    private final IdempotentCommands commands;
    private final OfficeFactsLoader offices;
    private final BusinessDates dates;
    private final MemberId secretariatHost;

    SecretaryGeneralController(IdempotentCommands commands, OfficeFactsLoader offices, BusinessDates dates,
                               SecretariatSettings settings) {
        this.commands = commands;
        this.offices = offices;
        this.dates = dates;
        this.secretariatHost = new MemberId(settings.secretariatHost());
    }

    record AppointRequest(@NotBlank @Size(max = 200) String name, @NotNull MemberId proposedBy,
                          @NotNull MemberId appointedBy, @NotNull LocalDate from) {
    }

    record EndRequest(@NotNull LocalDate on) {
    }

    @PostMapping
    @Operation(operationId = "appointSecretaryGeneral", summary = "Record the appointment of a Secretary-General",
            description = "Appointed by the chair's government on the proposal of the Secretariat's host government.")
    ResponseEntity<Receipt> appoint(@RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
                                    @Valid @RequestBody AppointRequest request) {
        LocalDate from = dates.notInTheFuture("from", request.from());
        return Receipts.respond(HttpStatus.CREATED, "/api/offices/secretary-general",
                commands.submit(idempotencyKey, new Submission(SecretaryGeneral.ID,
                SecretaryGeneral.ID, request, new AppointSecretaryGeneral(SecretaryGeneral.ID, request.name().strip(),
                request.proposedBy(), request.appointedBy(), from, secretariatHost, offices.chairOn(from)))));
    }

    @PostMapping("/end")
    @Operation(operationId = "recordSecretaryGeneralLeftOffice",
            summary = "Record that the Secretary-General left office")
    ResponseEntity<Receipt> end(@RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
                                @Valid @RequestBody EndRequest request) {
        return Receipts.respond(HttpStatus.CREATED, "/api/offices/secretary-general",
                commands.submit(idempotencyKey, Submission.of(SecretaryGeneral.ID,
                new EndSecretaryGeneralTerm(SecretaryGeneral.ID, dates.notInTheFuture("on", request.on())))));
    }
}
