package org.charterledger.proof;

/** A proof that does not prove what it claims, and why. */
public class ProofFailure extends RuntimeException {

    public ProofFailure(String why) {
        super(why);
    }
}
