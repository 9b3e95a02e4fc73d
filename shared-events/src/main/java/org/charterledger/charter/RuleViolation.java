package org.charterledger.charter;

/**
 * Why a charter rule refuses something.
 *
 * @param rule    a stable name for the rule, such as {@code member-country}
 * @param article the article of the charter or a regulation that states it
 * @param message a sentence a person can act on
 */
public record RuleViolation(String rule, String article, String message) {
}
