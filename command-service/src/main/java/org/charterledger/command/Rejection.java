package org.charterledger.command;

import java.util.Map;

/**
 * A command the ledger refuses, with what a client needs to correct it: a stable type, the field at fault and the
 * rule (with its article where the charter states it). Thrown before anything is applied, so nothing is appended.
 */
public abstract class Rejection extends RuntimeException {

    /** Why the ledger refuses: it decides the HTTP status. */
    public enum Reason {
        /** Something the command names does not exist (404). */
        UNKNOWN,
        /** The command contradicts what the ledger already holds (409). */
        CONFLICT,
        /** The command breaks a rule of the charter or of the register (422). */
        RULE,
        /** The principal may not give this command (403). */
        FORBIDDEN
    }

    private final Reason reason;
    private final String type;
    private final String field;
    private final String rule;
    private final String article;

    protected Rejection(Reason reason, String type, String field, String rule, String article, String message) {
        super(message);
        this.reason = reason;
        this.type = type;
        this.field = field;
        this.rule = rule;
        this.article = article;
    }

    public Reason reason() {
        return reason;
    }

    /** A stable slug naming the kind of rejection, such as {@code already-admitted}. */
    public String type() {
        return type;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }

    public String article() {
        return article;
    }

    /** What else the problem response carries, beside type, field, rule and article; nothing by default. */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
