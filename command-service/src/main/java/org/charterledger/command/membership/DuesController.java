package org.charterledger.command.membership;

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
import org.charterledger.command.submission.UnknownRecord;
import org.charterledger.events.FiscalYear;
import org.charterledger.events.MemberId;
import org.charterledger.events.Money;
import org.charterledger.events.PaymentId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
@Tag(name = "Dues", description = "Payments of the yearly contribution and their reversals (Dues Regulation)")
class DuesController {

    private final IdempotentCommands commands;
    private final BusinessDates dates;
    private final PaymentIndex payments;

    DuesController(IdempotentCommands commands, BusinessDates dates, PaymentIndex payments) {
        this.commands = commands;
        this.dates = dates;
        this.payments = payments;
    }

    /**
     * A payment: {@code paid} as paid (usually KRW); {@code credited} the value it settles in the dues' currency
     * (USD), needed when it was paid in another currency.
     */
    record PayDuesRequest(@NotNull FiscalYear fiscalYear, @NotNull Money paid, Money credited,
                          @NotNull LocalDate paidOn, @Size(max = 200) String reference) {
    }

    record ReversalRequest(@NotNull LocalDate reversedOn, @NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/api/members/{id}/dues-payments")
    @Operation(operationId = "payDues", summary = "Record a dues payment for one fiscal year",
            description = "Answers with the payment's id. A part payment or an overpayment is recorded as it is.")
    ResponseEntity<Receipt> pay(@PathVariable MemberId id,
                                @RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
                                @Valid @RequestBody PayDuesRequest request) {
        Money paid = BusinessDates.positive("paid", request.paid());
        Money credited = request.credited() == null ? paid : BusinessDates.positive("credited", request.credited());
        PaymentId payment = new PaymentId(commands.idFor(idempotencyKey));
        PayDues command = new PayDues(id, payment, dates.upToNextYear("fiscalYear", request.fiscalYear()), paid,
                credited, dates.notInTheFuture("paidOn", request.paidOn()), request.reference());
        Receipt receipt = commands.submit(idempotencyKey, new Submission(id.value(), payment.value(), command, command));
        return Receipts.respond(HttpStatus.CREATED, "/api/members/" + id.value() + "/dues", receipt);
    }

    @PostMapping("/api/dues-payments/{paymentId}/reversal")
    @Operation(operationId = "reverseDuesPayment", summary = "Reverse a dues payment",
            description = "The payment stays in the history; its year is unpaid again from reversedOn.")
    ResponseEntity<Receipt> reverse(@PathVariable PaymentId paymentId,
                                    @RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
                                    @Valid @RequestBody ReversalRequest request) {
        MemberId member = payments.memberOf(paymentId)
                .orElseThrow(() -> new UnknownRecord("paymentId", "payment " + paymentId));
        ReverseDuesPayment command = new ReverseDuesPayment(member, paymentId,
                dates.notInTheFuture("reversedOn", request.reversedOn()), request.reason().strip());
        Receipt receipt = commands.submit(idempotencyKey,
                new Submission(member.value(), paymentId.value(), command, command));
        return Receipts.respond(HttpStatus.CREATED, "/api/members/" + member.value() + "/dues", receipt);
    }
}
