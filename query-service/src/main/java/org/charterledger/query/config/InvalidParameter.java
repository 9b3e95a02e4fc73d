package org.charterledger.query.config;

/** A query parameter that cannot be read. */
public class InvalidParameter extends RuntimeException {

    private final String parameter;

    public InvalidParameter(String parameter, String rule) {
        super("the parameter '" + parameter + "' " + rule);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
