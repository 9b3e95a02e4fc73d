package org.charterledger.duesimport;

import org.charterledger.events.FiscalYear;
import org.charterledger.events.MemberId;
import org.charterledger.events.Money;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One well-formed row of a payments file: a dues payment as the command service's
 * {@code POST /api/members/{member}/dues-payments} takes it. {@code credited} is null when the row leaves it empty:
 * the ledger then credits the amount paid as it is, which the dues rule accepts only in the dues' currency (USD).
 *
 * @param line the line of the file the row starts on, for the report
 */
public record Payment(int line, MemberId member, FiscalYear fiscalYear, Money paid, Money credited, LocalDate paidOn,
                      String reference) {

    private static final String KEY_PREFIX = "dues-import/";

    /**
     * The Idempotency-Key this row is submitted with: {@code dues-import/<member>/<fiscal year>/<sha-256>}, the hash
     * taken over the row's member, fiscal year, paid-on date and reference (UTF-8, one per line, the reference with
     * surrounding blanks removed). Those four are what identify one transfer on a bank statement, and nothing else is
     * in the key, for these reasons:
     * <ul>
     *   <li>Re-running a file, or a later statement that repeats some of its rows, sends each row with the key it had
     *       before: the ledger answers it as a replay ({@code Idempotent-Replayed}) and appends nothing.</li>
     *   <li>The file's name, its checksum and the row's line number are left out: renaming the file, sorting it,
     *       adding a row or correcting a malformed one would otherwise give every row a new key, and a re-run would
     *       record every payment a second time.</li>
     *   <li>The amounts are left out: a row corrected after it was recorded (a typo in the amount) keeps its key with
     *       another request, which the ledger refuses ({@code one-request-per-key}) rather than record a second
     *       payment. The recorded one is reversed first, then the corrected row is imported with a new reference.</li>
     * </ul>
     * The ledger keeps keys per user, so the same file imported as another user is another set of requests. The key
     * is at most 150 printable ASCII characters (the ledger takes 200).
     */
    public String idempotencyKey() {
        return KEY_PREFIX + member.value() + '/' + fiscalYear.value() + '/' + identityHash();
    }

    /** What identifies the payment within a file: two rows with the same identity would share a key. */
    String identity() {
        return member.value() + '\n' + fiscalYear.value() + '\n' + paidOn + '\n' + reference;
    }

    private String identityHash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(identity().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The request body, amounts as strings as the API takes them. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fiscalYear", fiscalYear.value());
        body.put("paid", money(paid));
        if (credited != null) {
            body.put("credited", money(credited));
        }
        body.put("paidOn", paidOn.toString());
        body.put("reference", reference);
        return body;
    }

    private static Map<String, String> money(Money money) {
        return Map.of("amount", money.amount().toPlainString(), "currency", money.currency().getCurrencyCode());
    }

    /** The row in a few words for the report: member, year, amount as paid. */
    String summary() {
        return member + " " + fiscalYear + " " + paid;
    }
}
