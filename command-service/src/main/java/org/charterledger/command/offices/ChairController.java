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
import org.charterledger.command.offices.ChairCommands.DesignateActingChair;
import org.charterledger.command.offices.ChairCommands.EndActingChair;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
@RequestMapping("/api/offices/chair")
@Tag(name = "Offices", description = "The chair's terms follow the General Assembly; acting chairs are recorded here")
class ChairController {

    private final IdempotentCommands commands;
    private final BusinessDates dates;

    ChairController(IdempotentCommands commands, BusinessDates dates) {
        this.commands = commands;
        this.dates = dates;
    }

    record ActingRequest(@NotBlank @Size(max = 200) String deputy, @NotNull LocalDate from,
                         @NotBlank @Size(max = 500) String reason) {
    }

    record EndActingRequest(@NotNull LocalDate on) {
    }

    @PostMapping("/acting")
    @Operation(operationId = "designateActingChair", summary = "The deputy of the chair's government acts as chair",
            description = "When the chair's head cannot serve; the office holder does not change.")
    ResponseEntity<Receipt> designate(@RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
                                      @Valid @RequestBody ActingRequest request) {
        return Receipts.respond(HttpStatus.CREATED, "/api/offices/chair",
                commands.submit(idempotencyKey, Submission.of(Chairmanship.ID,
                new DesignateActingChair(Chairmanship.ID, request.deputy().strip(),
                        dates.notInTheFuture("from", request.from()), request.reason().strip()))));
    }

    @PostMapping("/acting/end")
    @Operation(operationId = "endActingChair", summary = "The head of the chair's government serves again")
    ResponseEntity<Receipt> end(@RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
                                @Valid @RequestBody EndActingRequest request) {
        return Receipts.respond(HttpStatus.CREATED, "/api/offices/chair",
                commands.submit(idempotencyKey, Submission.of(Chairmanship.ID,
                new EndActingChair(Chairmanship.ID, dates.notInTheFuture("on", request.on())))));
    }
}
