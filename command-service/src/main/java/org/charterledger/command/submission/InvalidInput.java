package org.charterledger.command.submission;

/** A request whose field is well-formed but outside what the ledger accepts: answered 400 naming the field. */
public class InvalidInput extends RuntimeException {

    private final String field;
    private final String rule;

    public InvalidInput(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
