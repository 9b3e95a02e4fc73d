package org.charterledger.command;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.Objects;

/**
 * Which rule refused a command: the field at fault, the rule's slug and the article that states it (none where the
 * rule is the record's own, such as {@code opened-once}). A refusal test asserts these beside the refusal's class, so
 * that a command refused for another reason than the one the test is about fails it.
 */
public final class Refusals {

    private Refusals() {
    }

    /** A refusal of {@code field} by a rule of the record, which cites no article. */
    public static Matcher<Throwable> refusal(String field, String rule) {
        return refusal(field, rule, null);
    }

    /** A refusal of {@code field} by {@code rule}, stated in {@code article}. */
    public static Matcher<Throwable> refusal(String field, String rule, String article) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable refusal) {
                return refusal instanceof Rejection rejection && Objects.equals(field, rejection.field())
                        && Objects.equals(rule, rejection.rule()) && Objects.equals(article, rejection.article());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal of " + field + " by the rule " + rule
                        + (article == null ? " (no article)" : " (" + article + ")"));
            }

            @Override
            protected void describeMismatchSafely(Throwable refusal, Description mismatch) {
                if (refusal instanceof Rejection rejection) {
                    mismatch.appendText("was a refusal of " + rejection.field() + " by the rule " + rejection.rule()
                            + (rejection.article() == null ? " (no article)" : " (" + rejection.article() + ")"));
                } else {
                    mismatch.appendText("was " + refusal);
                }
            }
        };
    }
}
