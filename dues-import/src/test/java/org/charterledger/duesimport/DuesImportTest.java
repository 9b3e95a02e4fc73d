package org.charterledger.duesimport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line, without a ledger: a dry run, and the ways a run cannot start or stops. */
class DuesImportTest {

    private static final String SAMPLE = "samples/near-dues-2021.csv";

    @TempDir
    Path directory;

    private record Run(int status, String out, String err) {
    }

    private static Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = DuesImport.commandLine(environment);
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int status = command.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void aDryRunReportsEachRowAndItsKeyAndSendsNothingWithoutAPassword() {
        Run run = run(Map.of(), "--dry-run", "--url=http://localhost:1", SAMPLE);

        assertThat(run.status()).isEqualTo(DuesImport.OK);
        assertThat(run.out()).contains("line 5: RU-TYVA 2021 KRW 1180000: well formed, key dues-import/RU-TYVA/2021/")
                .endsWith("11 rows in near-dues-2021.csv: 11 well formed, 0 malformed (dry run: nothing sent)"
                        + System.lineSeparator());
    }

    @Test
    void aDryRunOfAFileWithAMalformedRowNamesItsLineAndFieldAndFails() throws IOException {
        Path file = directory.resolve("payments.csv");
        Files.writeString(file, Files.readString(Path.of(SAMPLE)) + "RU-TYVA,2021,1180000,KRW,1000.00,02/03/2021,IBK 9\n");

        Run run = run(Map.of(), "--dry-run", file.toString());

        assertThat(run.status()).isEqualTo(DuesImport.ROWS_NOT_RECORDED);
        assertThat(run.out()).contains("line 13: malformed, not sent: paid_on [date]: must be a date as YYYY-MM-DD")
                .contains("12 rows in payments.csv: 11 well formed, 1 malformed");
    }

    @Test
    void withoutAPasswordInTheEnvironmentOrATerminalNothingIsSent() {
        Run run = run(Map.of(), SAMPLE);

        assertThat(run.status()).isEqualTo(DuesImport.UNUSABLE);
        assertThat(run.err()).contains("set LEDGER_SECRETARIAT_PASSWORD or pass --password");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void theWholeFileIsRefusedWhenItIsMissingOrHasNoHeader() throws IOException {
        Path noHeader = directory.resolve("no-header.csv");
        Files.writeString(noHeader, "RU-TYVA,2021,1180000,KRW,1000.00,2021-03-02,IBK 9\n");

        assertThat(run(Map.of(), "--dry-run", directory.resolve("absent.csv").toString()).status())
                .isEqualTo(DuesImport.UNUSABLE);
        Run run = run(Map.of(), "--dry-run", noHeader.toString());
        assertThat(run.status()).isEqualTo(DuesImport.UNUSABLE);
        assertThat(run.err()).contains("unknown column 'RU-TYVA'");
    }

    @Test
    void anUnreachableLedgerStopsTheRunAtTheFirstRow() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Run run = run(Map.of("LEDGER_SECRETARIAT_PASSWORD", "x"), "--url=http://localhost:" + closedPort, SAMPLE);

        assertThat(run.status()).isEqualTo(DuesImport.STOPPED);
        assertThat(run.err()).contains("stopped at line 2: no command service at http://localhost:" + closedPort);
        assertThat(run.out()).contains("1 not answered, 10 not sent after the stop");
    }

    @Test
    void aPlainTextPasswordOnTheCommandLineIsNotAccepted() {
        Run run = run(Map.of(), "--password=secret", SAMPLE);

        assertThat(run.status()).isEqualTo(DuesImport.UNUSABLE);
    }

    @Test
    void aRefusalNamesTheFieldTheRuleAndTheArticleTheProblemNames() {
        assertThat(DuesImport.describe(new Ledger.Refused(422, "dues-refused", "fiscalYear", "year-not-assessed",
                "Dues Regulation Art. 5(2)", "JP-MIYAGI owes no dues for 2021"))).isEqualTo("refused (422 dues-refused):"
                + " field fiscalYear, rule year-not-assessed (Dues Regulation Art. 5(2)): JP-MIYAGI owes no dues for 2021");
        assertThat(DuesImport.describe(new Ledger.Refused(413, "payload-too-large", null, null, null,
                "the body is over 64 KiB"))).isEqualTo("refused (413 payload-too-large): the body is over 64 KiB");
    }
}
