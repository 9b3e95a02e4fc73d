package org.charterledger.command.submission;

import org.charterledger.command.submission.IdempotentCommands.Receipt;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** How a command's receipt is answered over HTTP: the body, and the position again in a header. */
public final class Receipts {

    /** The ledger position of the command's last event; pass it to a query as {@code atLeast} to read your write. */
    public static final String POSITION_HEADER = "Ledger-Position";
    /** Present, with {@code true}, when the answer repeats an earlier request with the same idempotency key. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private Receipts() {
    }

    public static ResponseEntity<Receipt> respond(HttpStatus status, Receipt receipt) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
                .header(POSITION_HEADER, Long.toString(receipt.position()));
        if (receipt.replayed()) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.body(receipt);
    }
}
