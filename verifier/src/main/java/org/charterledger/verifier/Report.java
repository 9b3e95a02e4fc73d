package org.charterledger.verifier;

import java.util.ArrayList;
import java.util.List;

/** What the verifier found, check by check: each passed or failed, with the position it concerns and why. */
public final class Report {

    /** One check: passed or not, the ledger position it concerns (if one), and what was checked or what failed. */
    public record Finding(boolean passed, Long position, String text) {

        @Override
        public String toString() {
            return (passed ? "  ok    " : "  FAIL  ") + (position == null ? "" : "position " + position + ": ") + text;
        }
    }

    private final List<Finding> findings = new ArrayList<>();

    void ok(String text) {
        findings.add(new Finding(true, null, text));
    }

    void ok(long position, String text) {
        findings.add(new Finding(true, position, text));
    }

    void fail(String text) {
        findings.add(new Finding(false, null, text));
    }

    void fail(Long position, String text) {
        findings.add(new Finding(false, position, text));
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    public List<Finding> failures() {
        return findings.stream().filter(f -> !f.passed()).toList();
    }

    public boolean verified() {
        return !findings.isEmpty() && failures().isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        findings.forEach(f -> text.append(f).append('\n'));
        text.append(verified() ? "VERIFIED: every check passed, without the ledger\n"
                : "NOT VERIFIED: " + failures().size() + " check(s) failed\n");
        return text.toString();
    }
}
