package org.charterledger.command.membership;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.charterledger.command.submission.BusinessDates;
import org.charterledger.command.submission.IdempotentCommands;
import org.charterledger.command.submission.InvalidInput;
import org.charterledger.command.submission.IdempotentCommands.Receipt;
import org.charterledger.command.submission.IdempotentCommands.Submission;
import org.charterledger.command.submission.Receipts;
import org.charterledger.events.AdmissionBasis;
import org.charterledger.events.CountryCode;
import org.charterledger.events.MemberId;
import org.charterledger.events.PartyCategory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
@RequestMapping("/api/members")
@Tag(name = "Register", description = "Admission of members, associates and observers")
class MembershipController {

    private final IdempotentCommands commands;
    private final BusinessDates dates;

    MembershipController(IdempotentCommands commands, BusinessDates dates) {
        this.commands = commands;
        this.dates = dates;
    }

    /** The body of an admission; the id, country and dates are checked as they are read. */
    record AdmitMemberRequest(
            @NotNull MemberId id,
            @NotNull CountryCode country,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String localName,
            @NotNull PartyCategory category,
            @NotNull LocalDate admittedOn,
            @NotNull AdmissionBasis basis) {

        AdmitMember toCommand(BusinessDates dates) {
            return new AdmitMember(id, country, name.strip(), localName == null ? null : localName.strip(),
                    category, dates.notInTheFuture("admittedOn", admittedOn), basis, null);
        }
    }

    record WithdrawalRequest(@NotNull LocalDate withdrewOn, @NotBlank @Size(max = 500) String reference) {
    }

    @PostMapping
    @Operation(operationId = "admitMember", summary = "Admit a party to the register",
            description = "Records MemberAdmitted. The basis OPENING_BALANCE records a party that was already in its"
                    + " category when the ledger's history starts; it needs no motion.")
    ResponseEntity<Receipt> admit(
            @Parameter(description = "A client-chosen id for this request; a retry with the same id is applied once")
            @RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
            @Valid @RequestBody AdmitMemberRequest request) {
        if (request.basis() != AdmissionBasis.OPENING_BALANCE) {
            throw new InvalidInput("basis", "opening-balance-only", "an admission by decision is recorded by closing"
                    + " the motion that decided it (POST /api/motions/{id}/closure), not here");
        }
        if (!request.id().ledByCountryCode()) {
            throw new InvalidInput("id", "iso-country-prefix", "id must start with an ISO 3166-1 country code, such"
                    + " as KR-ULSAN");
        }
        Receipt receipt = commands.submit(idempotencyKey, Submission.of(request.id().value(), request.toCommand(dates)));
        return Receipts.respond(HttpStatus.CREATED, "/api/members/" + request.id().value(), receipt);
    }

    @PostMapping("/{id}/withdrawal")
    @Operation(operationId = "recordWithdrawal", summary = "Record that a party left the Association",
            description = "From withdrewOn the party is no longer on the register, is not assessed for dues and is"
                    + " on no roll; its history stays.")
    ResponseEntity<Receipt> withdraw(@PathVariable MemberId id,
                                     @RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
                                     @Valid @RequestBody WithdrawalRequest request) {
        RecordWithdrawal command = new RecordWithdrawal(id, dates.notInTheFuture("withdrewOn", request.withdrewOn()),
                request.reference().strip());
        return Receipts.respond(HttpStatus.CREATED, "/api/members/" + id.value(),
                commands.submit(idempotencyKey, Submission.of(id.value(), command)));
    }
}
