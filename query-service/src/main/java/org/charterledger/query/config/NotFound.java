package org.charterledger.query.config;

/** What a query names is not in the views. */
public class NotFound extends RuntimeException {

    private final String field;

    public NotFound(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
