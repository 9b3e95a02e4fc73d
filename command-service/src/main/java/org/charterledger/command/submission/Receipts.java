package org.charterledger.command.submission;

import org.charterledger.command.submission.IdempotentCommands.Receipt;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;

/**
 * How a command's receipt is answered over HTTP: the body, the position again in a header, and in {@code Location}
 * the path at which the query API shows the record the command created or changed.
 */
public final class Receipts {

    /** The ledger position of the command's last event; pass it to a query as {@code atLeast} to read your write. */
    public static final String POSITION_HEADER = "Ledger-Position";
    /** Present, with {@code true}, when the answer repeats an earlier request with the same idempotency key. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private Receipts() {
    }

    /** {@code location}: the record's path in the query API, such as {@code /api/members/MN-ULAANBAATAR}. */
    public static ResponseEntity<Receipt> respond(HttpStatus status, String location, Receipt receipt) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
                .location(URI.create(location))
                .header(POSITION_HEADER, Long.toString(receipt.position()));
        if (receipt.replayed()) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.body(receipt);
    }
}
