package org.charterledger.endtoend;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pages as a newcomer uses them, in Debian's Chromium, with both services running as processes on PostgreSQL and
 * NEAR's record imported (the 13th General Assembly included): who could vote at GA13 and why the others could not,
 * how GA13-M2 was decided, who chaired NEAR, a vote arriving in an open motion's count without a reload, a record
 * edited behind the ledger's back found at its position, and bad input answered with a page saying what was wrong.
 * Each page is saved as a screenshot under target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesInABrowserIT {

    private static final String SECRETARIAT = "secretariat:e2e-secretariat";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static RunningLedger ledger;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        ledger = RunningLedger.start(List.of("--ledger.import.reference-data=classpath:reference/near-2021.yaml"),
                List.of("--ledger.security.anonymous-reads=true"));
        // The record is in once the 13th General Assembly's last motion is in the views.
        await().atMost(PATIENCE).until(() -> ledger.queries.http.get("/api/motions/GA13-M2", null).status() == 200);
        browser = new Browser("http://localhost:" + ledger.queries.port);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    @Order(1)
    void theRegisterOnADateCountsItsPartiesAndFindsOneByName() {
        browser.open("/");
        assertThat(browser.text("h1")).isEqualTo("The Association's record");
        browser.screenshot("01-start");

        // On the eve of GA13, and on its day: Liaoning, an observer, was admitted as a member by GA13-M2 that day.
        browser.open("/register?asOf=2021-08-09");
        assertThat(browser.text("#members-count")).isEqualTo("78 members");
        browser.open("/register?asOf=2021-08-10");
        assertThat(browser.text("h1")).isEqualTo("The register on 2021-08-10");
        assertThat(browser.text("#members-count")).isEqualTo("79 members");
        assertThat(browser.text("#totals")).contains("82 parties", "1 associates", "2 observers");
        browser.screenshot("02-register-2021-08-10");

        browser.find("#q").sendKeys("ulsan");
        browser.find("form[role=search] button").click();
        await().atMost(PATIENCE).until(() -> browser.driver.getCurrentUrl().contains("q=ulsan"));
        List<WebElement> rows = browser.all("#parties-table tbody tr");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains("KR-ULSAN", "Ulsan");
        rows.get(0).findElement(org.openqa.selenium.By.cssSelector("a")).click();
        await().atMost(PATIENCE).until(() -> browser.driver.getCurrentUrl().contains("/parties/KR-ULSAN"));
        assertThat(browser.text("h1")).contains("Ulsan");
        assertThat(browser.text("#standing")).contains("May vote");
        assertThat(browser.all("svg.timeline .bar")).isNotEmpty();
        browser.screenshot("03-party-KR-ULSAN");
    }

    @Test
    @Order(2)
    void ga13M2ShowsItsRollWhoWasLeftOffAndItsArithmetic() {
        browser.open("/meetings/GA13");
        assertThat(browser.text("#attendance")).contains("73 present");
        browser.screenshot("04-meeting-GA13");

        browser.open("/motions/GA13-M2");
        String steps = browser.text("#arithmetic-steps");
        assertThat(steps).contains("E = 78", "P = 76", "yes = 76", "no = 0", "abstain = 0", "not voting = 0",
                "CATEGORY_A", "3·76 = 228 ≥ 2·76 = 152", "Outcome: PASSED");
        assertThat(browser.all("#roll-table tbody tr")).hasSize(78);
        assertThat(browser.all("#left-off-table tbody tr th").stream().map(WebElement::getText))
                .containsExactly("CN-LIAONING", "JP-MIYAGI", "RU-NOVOSIBIRSK", "VN-HO-CHI-MINH-CITY");
        assertThat(browser.text("#left-off-table")).contains("observer has no vote", "associate has no vote");
        assertThat(browser.all("#ballots-table tbody tr")).hasSize(76);
        browser.screenshot("05-motion-GA13-M2");

        browser.find("#certificate").click();
        await().atMost(PATIENCE).until(() -> browser.driver.getCurrentUrl().endsWith("/certificate"));
        assertThat(browser.text("body")).contains("Motion GA13-M2", "3·76 = 228 ≥ 2·76 = 152", "Outcome: PASSED");
        browser.screenshot("06-certificate-GA13-M2");
    }

    @Test
    @Order(3)
    void theCertificateIsAPdfWhenAskedForOne() throws Exception {
        Http.Answer byAccept = ledger.queries.http.get("/motions/GA13-M2/certificate", null, "application/pdf");
        Http.Answer byLink = ledger.queries.http.get("/motions/GA13-M2/certificate.pdf", null);

        for (Http.Answer pdf : List.of(byAccept, byLink)) {
            assertThat(pdf.status()).isEqualTo(200);
            assertThat(pdf.header("Content-Type")).hasValue("application/pdf");
            assertThat(pdf.raw().body()).startsWith("%PDF-");
        }
        byte[] document = ledger.queries.http.download("/motions/GA13-M2/certificate", null, "application/pdf");
        browser.keep("06-certificate-GA13-M2.pdf", document);
        try (PDDocument pdf = Loader.loadPDF(document)) {
            PDFTextStripper text = new PDFTextStripper();
            text.setSortByPosition(true); // the lines as they are laid out, not as the content stream runs
            assertThat(text.getText(pdf))
                    .contains("Motion GA13-M2", "E = 78", "P = 76", "3·76 = 228 ≥ 2·76 = 152", "Outcome: PASSED");
        }
    }

    @Test
    @Order(4)
    void theChairTimelineShowsSakhaThenUlsan() {
        browser.open("/offices?asOf=2021-08-09");
        assertThat(browser.text("#chair-on-date")).contains("RU-SAKHA");
        assertThat(browser.all("svg.timeline .term text").stream().map(WebElement::getText))
                .containsExactly("13 · RU-SAKHA", "14 · KR-ULSAN");
        assertThat(browser.all("#chair-terms tbody tr").stream().map(WebElement::getText))
                .satisfiesExactly(sakha -> assertThat(sakha).contains("13", "RU-SAKHA", "GA13", "opening balance"),
                        ulsan -> assertThat(ulsan).contains("14", "KR-ULSAN", "GA13-M1", "in office"));
        browser.screenshot("07-offices-2021-08-09");

        browser.open("/subcommittees?asOf=2021-12-31");
        assertThat(browser.all("#subcommittees-table tbody tr")).hasSize(17);
        browser.screenshot("08-subcommittees-2021-12-31");
    }

    @Test
    @Order(5)
    void aRestrictedMembersPageGivesTheReason() {
        browser.open("/rights?asOf=2022-06-01&restricted=true");
        List<WebElement> restricted = browser.all("#rights-table tbody tr");
        assertThat(restricted).isNotEmpty().allSatisfy(row -> assertThat(row.getText()).contains("restricted since"));
        browser.screenshot("09-rights-restricted-2022-06-01");
        String csvLink = browser.find("#rights-csv").getAttribute("href");
        assertThat(csvLink).endsWith("/api/rights?asOf=2022-06-01&format=csv");
        // the download the link gives: a header, then one row per party of the rights table on that date
        Http.Answer csv = ledger.queries.http.get(csvLink.substring(csvLink.indexOf("/api/")), null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type").orElseThrow()).startsWith("text/csv");
        List<String> lines = csv.raw().body().lines().toList();
        assertThat(List.of(lines.get(0).split(","))).contains("id", "mayVote", "mayStandAndElect");
        assertThat(lines.subList(1, lines.size())).hasSize(ledger.queries.http.get("/api/rights?asOf=2022-06-01",
                null).json().get("parties").asInt());

        browser.find("#rights-table tbody tr a").click();
        await().atMost(PATIENCE).until(() -> browser.driver.getCurrentUrl().contains("/parties/"));
        assertThat(browser.text("#standing")).contains("May not vote",
                "restricted since 2022-05-01: dues unpaid for 2 fiscal years (2021, 2022)", "Dues Regulation Art. 6");
        assertThat(browser.all("svg.timeline .bar.restricted")).isNotEmpty();
        assertThat(browser.find("svg.timeline .bar.restricted title").getAttribute("textContent"))
                .contains("restricted since 2022-05-01", "Dues Regulation Art. 6");
        browser.screenshot("10-party-restricted");
    }

    @Test
    @Order(6)
    void aVoteCastThroughTheCommandApiAppearsInTheOpenMotionsCountWithoutAReload() {
        command("/api/meetings", "{\"id\": \"GA2021-LIVE\", \"body\": \"GA\", \"ordinal\": 13, \"host\": \"KR-ULSAN\","
                + " \"venue\": \"online\", \"firstDay\": \"2021-10-01\", \"lastDay\": \"2021-10-01\"}");
        long opened = command("/api/motions", "{\"id\": \"GA2021-LIVE-M1\", \"meeting\": \"GA2021-LIVE\", \"item\": 7,"
                + " \"subject\": \"Approve the programme of work\", \"procedure\": \"WRITTEN_BALLOT\"}");
        await().atMost(PATIENCE).until(() -> ledger.queries.http.get("/api/motions/GA2021-LIVE-M1?atLeast=" + opened,
                null).status() == 200);
        browser.open("/motions/GA2021-LIVE-M1");
        assertThat(browser.text("#count-yes")).isEqualTo("0");
        browser.script("window.stillTheSamePage = true;");

        command("/api/motions/GA2021-LIVE-M1/votes",
                "{\"member\": \"KR-ULSAN\", \"choice\": \"YES\", \"castOn\": \"2021-10-01\"}");
        command("/api/motions/GA2021-LIVE-M1/votes",
                "{\"member\": \"KR-JEJU\", \"choice\": \"NO\", \"castOn\": \"2021-10-01\"}");

        await().atMost(PATIENCE).ignoreExceptions()
                .until(() -> browser.text("#count-yes").equals("1") && browser.text("#count-no").equals("1"));
        assertThat(browser.script("return window.stillTheSamePage === true;")).isEqualTo(true);
        browser.screenshot("11-motion-open-live-count");

        browser.open("/motions/GA2021-LIVE-M1/hall");
        command("/api/motions/GA2021-LIVE-M1/votes",
                "{\"member\": \"KR-GYEONGBUK\", \"choice\": \"YES\", \"castOn\": \"2021-10-01\"}");
        await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.text("#count-yes").equals("2"));
        browser.screenshot("12-motion-hall");
    }

    @Test
    @Order(7)
    void badInputOnEveryPageIsAPageSayingWhatWasWrong() {
        Map<String, Integer> refusals = Map.ofEntries(
                Map.entry("/register?asOf=2021-02-30", 400),
                Map.entry("/register?asOf=1800-01-01", 400),
                Map.entry("/register?category=PRESIDENT", 400),
                Map.entry("/parties/KR-NOWHERE", 404),
                Map.entry("/parties/KR-ULSAN?asOf=yesterday", 400),
                Map.entry("/parties/not%20an%20id", 400),
                Map.entry("/rights?asOf=10-08-2021", 400),
                Map.entry("/meetings/GA99", 404),
                Map.entry("/motions/GA99-M9", 404),
                Map.entry("/motions/GA99-M9/hall", 404),
                Map.entry("/motions/GA99-M9/certificate", 404),
                Map.entry("/motions/GA99-M9/certificate.pdf", 404),
                Map.entry("/offices?asOf=2021-8-1", 400),
                Map.entry("/subcommittees?asOf=x", 400),
                Map.entry("/audit/verification?position=abc&digest=00", 400),
                Map.entry("/audit/verification?position=1&digest=not-a-digest", 400),
                Map.entry("/audit/verification", 400),
                Map.entry("/audit/rebuilds/no-such-rebuild", 404));
        refusals.forEach((path, status) -> {
            Http.Answer answer = ledger.queries.http.get(path, null, "text/html");
            assertThat(answer.status()).as(path + " -> " + answer).isEqualTo(status);
            assertThat(answer.header("Content-Type").orElseThrow()).as(path).startsWith("text/html");
            assertThat(answer.raw().body()).as(path).contains("<h1>").doesNotContain("Exception", "at org.");
        });
        // The API keeps its problems.
        Http.Answer api = ledger.queries.http.get("/api/members?asOf=2021-02-30", null);
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.header("Content-Type").orElseThrow()).startsWith("application/problem+json");

        browser.open("/register?asOf=2021-02-30");
        assertThat(browser.text("h1")).contains("400", "A value could not be read");
        assertThat(browser.text(".detail")).contains("asOf", "YYYY-MM-DD");
        browser.screenshot("13-bad-date");
        browser.open("/parties/KR-NOWHERE");
        assertThat(browser.text("h1")).contains("404");
        assertThat(browser.text(".detail")).contains("KR-NOWHERE");
        browser.screenshot("14-unknown-party");
    }

    @Test
    @Order(8)
    void theVerificationFormReportsAnEditedEventRowAtItsPosition() throws Exception {
        browser.open("/audit");
        String digest = browser.text("#digest");
        String position = browser.text("#digest-position");
        assertThat(digest).matches("[0-9a-f]{64}");
        browser.screenshot("15-audit");

        long edited = 5;
        flipAByteOfThePayloadAt(edited);
        try {
            browser.find("#position").sendKeys(position);
            browser.find("#digest-input").sendKeys(digest);
            browser.find("#verify button[type=submit]").click();
            await().atMost(PATIENCE).until(() -> browser.driver.getCurrentUrl().contains("/audit/verification"));
            assertThat(browser.text("#verification-answer")).contains("Not valid");
            assertThat(browser.text("#first-difference")).isEqualTo(Long.toString(edited));
            browser.screenshot("16-audit-verification-edited-row");
        } finally {
            flipAByteOfThePayloadAt(edited); // as it was
        }
        browser.open("/audit/verification?position=" + position + "&digest=" + digest);
        assertThat(browser.text("#verification-answer")).contains("Valid.");
    }

    @Test
    @Order(9)
    void anAuditorStartsARebuildAndWatchesItComplete() {
        browser.driver.get("http://auditor:e2e-auditor@localhost:" + ledger.queries.port + "/audit/rebuild");
        browser.find("#start-rebuild button").click();
        await().atMost(PATIENCE).until(() -> browser.driver.getCurrentUrl().contains("/audit/rebuilds/"));
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                .until(() -> browser.text("#rebuild-state").equals("COMPLETED"));
        assertThat(browser.all("#checksums tbody tr")).hasSize(5)
                .allSatisfy(row -> assertThat(row.getText()).endsWith("yes"));
        browser.screenshot("17-audit-rebuild");
    }

    private static long command(String path, String body) {
        Http.Answer answer = ledger.commands.http.post(path, SECRETARIAT, UUID.randomUUID().toString(), body);
        assertThat(answer.status()).as(path + " -> " + answer).isEqualTo(201);
        return answer.json().get("position").asLong();
    }

    /** A DBA's edit behind the ledger's back: the append-only trigger is set aside for the one transaction. */
    private static void flipAByteOfThePayloadAt(long position) throws Exception {
        ledger.database.execute("""
                BEGIN;
                ALTER TABLE ledger.domain_event_entry DISABLE TRIGGER domain_event_entry_append_only;
                UPDATE ledger.domain_event_entry
                   SET payload = set_byte(payload, length(payload) - 3, get_byte(payload, length(payload) - 3) # 1)
                 WHERE global_index = %d;
                ALTER TABLE ledger.domain_event_entry ENABLE TRIGGER domain_event_entry_append_only;
                COMMIT;""".formatted(position));
    }
}
