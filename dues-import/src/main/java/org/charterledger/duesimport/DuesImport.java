package org.charterledger.duesimport;

import org.charterledger.duesimport.Ledger.Failed;
import org.charterledger.duesimport.Ledger.Outcome;
import org.charterledger.duesimport.Ledger.Recorded;
import org.charterledger.duesimport.Ledger.Refused;
import org.charterledger.duesimport.PaymentsFile.Malformed;
import org.charterledger.duesimport.PaymentsFile.Row;
import org.charterledger.duesimport.PaymentsFile.UnreadableFile;
import org.charterledger.duesimport.PaymentsFile.Valid;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Records a file of dues payments in the ledger, one request per row, and reports what became of each: recorded,
 * already recorded (the same row sent before: the ledger appends nothing), refused by the ledger (with the field,
 * the rule and the article), or malformed (not sent). Running the same file again appends nothing; see
 * {@link Payment#idempotencyKey()} for why.
 */
@Command(name = "dues-import", mixinStandardHelpOptions = true, version = "dues-import 0.1.0",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
                "Records dues payments from a CSV file through the command service's payments API, each row with an"
                        + " Idempotency-Key derived from the row's member, fiscal year, paid_on and reference:"
                        + " running the same file again records nothing twice.",
                "Columns (header row, any order): member,fiscal_year,amount_paid,currency,amount_credited,paid_on,"
                        + "reference. amount_credited is the value in USD a payment in another currency settles.",
                ""},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                "0:every row recorded or already recorded (with --dry-run: every row well formed)",
                "1:a row refused by the ledger, malformed, or not answered",
                "2:the command line, the password or the file unusable",
                "3:stopped: the ledger unreachable, or the login refused"})
public final class DuesImport implements Callable<Integer> {

    static final int OK = 0;
    static final int ROWS_NOT_RECORDED = 1;
    static final int UNUSABLE = 2;
    static final int STOPPED = 3;
    static final String PASSWORD_VARIABLE = "LEDGER_SECRETARIAT_PASSWORD";

    @Parameters(index = "0", paramLabel = "FILE", description = "the payments, CSV in UTF-8")
    Path file;

    @Option(names = "--url", defaultValue = "http://localhost:8081",
            description = "the command service (default: ${DEFAULT-VALUE})")
    URI url;

    @Option(names = "--user", defaultValue = "secretariat",
            description = "a user with the role SECRETARIAT (default: ${DEFAULT-VALUE})")
    String user;

    @Option(names = "--password", interactive = true, arity = "0",
            description = "ask for the password; otherwise it is read from " + PASSWORD_VARIABLE
                    + ", and asked for when that is not set")
    char[] password;

    @Option(names = "--dry-run", description = "check the file only: report each row, send nothing")
    boolean dryRun;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;

    DuesImport(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    static CommandLine commandLine(Map<String, String> environment) {
        return new CommandLine(new DuesImport(environment));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Row> rows;
        try {
            rows = PaymentsFile.read(file);
        } catch (UnreadableFile e) {
            err.println("dues-import: " + file + ": " + e.getMessage());
            return UNUSABLE;
        }
        Ledger ledger = null;
        if (!dryRun) {
            char[] secret = password();
            if (secret == null) {
                err.println("dues-import: no password: set " + PASSWORD_VARIABLE + " or pass --password to be asked");
                return UNUSABLE;
            }
            ledger = new Ledger(url, user, secret);
        }

        Tally tally = new Tally();
        boolean stopped = false;
        for (Row row : rows) {
            String line = "line " + row.line() + ": ";
            if (row instanceof Malformed malformed) {
                tally.malformed++;
                out.println(line + "malformed, not sent: " + malformed.errors().stream().map(Object::toString)
                        .collect(Collectors.joining("; ")));
                continue;
            }
            Payment payment = ((Valid) row).payment();
            if (dryRun) {
                tally.wellFormed++;
                out.println(line + payment.summary() + ": well formed, key " + payment.idempotencyKey());
                continue;
            }
            if (stopped) {
                tally.notSent++;
                continue;
            }
            Outcome outcome = ledger.submit(payment);
            out.println(line + payment.summary() + ": " + describe(outcome));
            if (outcome instanceof Recorded recorded) {
                if (recorded.replayed()) {
                    tally.alreadyRecorded++;
                } else {
                    tally.recorded++;
                }
            } else if (outcome instanceof Refused) {
                tally.refused++;
            } else if (outcome instanceof Failed failed) {
                tally.failed++;
                if (failed.stop()) {
                    stopped = true;
                    err.println("dues-import: stopped at line " + row.line() + ": " + failed.reason());
                }
            }
            out.flush();
        }
        out.println(tally.summary(rows.size(), file, dryRun));
        out.flush();
        if (stopped) {
            return STOPPED;
        }
        return tally.allGood() ? OK : ROWS_NOT_RECORDED;
    }

    static String describe(Outcome outcome) {
        if (outcome instanceof Recorded recorded) {
            return (recorded.replayed() ? "already recorded, payment " : "recorded, payment ") + recorded.paymentId()
                    + " at position " + recorded.position() + (recorded.replayed() ? " (Idempotent-Replayed)" : "");
        }
        if (outcome instanceof Refused refused) {
            // A problem names its field and rule when one is at fault; a refusal of the request as a whole may not.
            List<String> named = new ArrayList<>();
            if (refused.field() != null) {
                named.add("field " + refused.field());
            }
            if (refused.rule() != null) {
                named.add("rule " + refused.rule() + (refused.article() == null ? "" : " (" + refused.article() + ")"));
            }
            return "refused (" + refused.status() + " " + refused.type() + "): "
                    + (named.isEmpty() ? "" : String.join(", ", named) + ": ") + refused.detail();
        }
        return "not answered: " + ((Failed) outcome).reason();
    }

    /** The password: asked for with --password, else from the environment, else asked for at a terminal. */
    private char[] password() {
        if (password != null) {
            return password;
        }
        String variable = environment.get(PASSWORD_VARIABLE);
        if (variable != null && !variable.isEmpty()) {
            return variable.toCharArray();
        }
        Console console = System.console();
        return console == null ? null : console.readPassword("Password for %s at %s: ", user, url);
    }

    private static final class Tally {
        int recorded;
        int alreadyRecorded;
        int refused;
        int malformed;
        int failed;
        int notSent;
        int wellFormed;

        boolean allGood() {
            return refused == 0 && malformed == 0 && failed == 0 && notSent == 0;
        }

        String summary(int rows, Path file, boolean dryRun) {
            if (dryRun) {
                return rows + " rows in " + file.getFileName() + ": " + wellFormed + " well formed, " + malformed
                        + " malformed (dry run: nothing sent)";
            }
            return rows + " rows in " + file.getFileName() + ": " + recorded + " recorded, " + alreadyRecorded
                    + " already recorded, " + refused + " refused, " + malformed + " malformed"
                    + (failed > 0 ? ", " + failed + " not answered" : "")
                    + (notSent > 0 ? ", " + notSent + " not sent after the stop" : "");
        }
    }
}
