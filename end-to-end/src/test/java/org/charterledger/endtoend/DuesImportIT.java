package org.charterledger.endtoend;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Secretariat's dues import, run as it is run (java -jar dues-import.jar) against the command service on
 * PostgreSQL with NEAR's register imported: the shipped sample twice, which records each payment once, then a file
 * with a payment the dues rules refuse and a malformed row, which appends nothing.
 */
class DuesImportIT {

    private static final String SECRETARIAT_PASSWORD = "e2e-secretariat";
    private static final Path SAMPLE = Path.of(System.getProperty("duesImportSample"));
    private static final String DUES_PAID = "SELECT COUNT(*) FROM ledger.domain_event_entry"
            + " WHERE payload_type = 'org.charterledger.events.DuesPaid'";
    private static final String EVENTS = "SELECT COUNT(*) FROM ledger.domain_event_entry";

    private static FreshDatabase database;
    private static ServiceProcess commands;

    @TempDir
    Path directory;

    @BeforeAll
    static void start() throws SQLException {
        database = new FreshDatabase();
        commands = ServiceProcess.start("commandService", database.commandEnvironment(),
                "--ledger.import.reference-data=classpath:reference/near-2021.yaml");
    }

    @AfterAll
    static void stop() throws SQLException {
        if (commands != null) {
            commands.close();
        }
        database.close();
    }

    private record Run(int status, List<String> out, String err) {
    }

    private Run importFile(Path file) throws IOException, InterruptedException {
        Path out = Files.createTempFile(directory, "out", ".txt");
        Path err = Files.createTempFile(directory, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("duesImportJar"), "--url=http://localhost:" + commands.port, file.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("LEDGER_SECRETARIAT_PASSWORD", SECRETARIAT_PASSWORD);
        Process process = builder.start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the import ends").isTrue();
        return new Run(process.exitValue(), Files.readAllLines(out), Files.readString(err));
    }

    @Test
    void importingTheSampleTwiceRecordsEachPaymentOnceAndARefusedRowIsReportedWithItsRule() throws Exception {
        long eventsBefore = database.count(EVENTS);

        Run first = importFile(SAMPLE);

        assertThat(first.err()).isEmpty();
        assertThat(first.status()).isZero();
        assertThat(first.out()).hasSize(12);
        assertThat(first.out().subList(0, 11)).allSatisfy(line ->
                assertThat(line).containsPattern(": recorded, payment [0-9a-f-]{36} at position [0-9]+$"));
        assertThat(first.out().get(3)).startsWith("line 5: RU-TYVA 2021 KRW 1180000: recorded");
        assertThat(first.out().get(11))
                .isEqualTo("11 rows in near-dues-2021.csv: 11 recorded, 0 already recorded, 0 refused, 0 malformed");
        assertThat(database.count(DUES_PAID)).isEqualTo(11);
        long eventsAfterFirst = database.count(EVENTS);
        assertThat(eventsAfterFirst - eventsBefore).isEqualTo(11);

        Run second = importFile(SAMPLE);

        assertThat(second.status()).isZero();
        for (int row = 0; row < 11; row++) {
            // the same payment, at the same position, as the first run reported
            String recorded = first.out().get(row).replace(": recorded, payment ", ": already recorded, payment ");
            assertThat(second.out().get(row)).isEqualTo(recorded + " (Idempotent-Replayed)");
        }
        assertThat(second.out().get(11))
                .isEqualTo("11 rows in near-dues-2021.csv: 0 recorded, 11 already recorded, 0 refused, 0 malformed");
        assertThat(database.count(EVENTS)).isEqualTo(eventsAfterFirst);
        assertThat(database.count(DUES_PAID)).isEqualTo(11);

        // Miyagi is an observer, which owes no dues; Sakha's row in won leaves out the value it credits in dollars (the
        // ledger would credit won); Tyva's row, already recorded, comes back with another amount; the last row is not
        // a payment at all.
        Path refused = directory.resolve("refused.csv");
        Files.write(refused, List.of(
                "member,fiscal_year,amount_paid,currency,amount_credited,paid_on,reference",
                "JP-MIYAGI,2021,1131000,KRW,1000.00,2021-05-06,IBK 20210506-0020",
                "RU-SAKHA,2021,1109500,KRW,,2021-09-01,IBK 20210901-0301",
                "RU-TYVA,2021,1190000,KRW,1000.00,2021-03-02,IBK 20210302-0214",
                "KR-ULSAN,2021,1118000,KRW,1000.00,15/02/2021,IBK 20210215-0999"));

        Run third = importFile(refused);

        assertThat(third.status()).isEqualTo(1);
        assertThat(third.out()).containsExactly(
                "line 2: JP-MIYAGI 2021 KRW 1131000: refused (422 dues-refused): field fiscalYear, rule"
                        + " year-not-assessed (Dues Regulation Art. 5(2)): JP-MIYAGI owes no dues for 2021: only a member"
                        + " owes dues, from the fiscal year after its admission, until it leaves",
                third.out().get(1),
                third.out().get(2),
                "line 5: malformed, not sent: paid_on [date]: must be a date as YYYY-MM-DD, such as 2021-03-02, not"
                        + " '15/02/2021'",
                "4 rows in refused.csv: 0 recorded, 0 already recorded, 3 refused, 1 malformed");
        assertThat(third.out().get(1)).startsWith("line 3: RU-SAKHA 2021 KRW 1109500: refused (422 ")
                .contains("field credited, rule credited-in-dues-currency (Dues Regulation Art. 5(1))");
        assertThat(third.out().get(2)).startsWith("line 4: RU-TYVA 2021 KRW 1190000: refused (422 ")
                .contains("field Idempotency-Key, rule one-request-per-key");
        assertThat(database.count(EVENTS)).isEqualTo(eventsAfterFirst);
    }
}
