package org.charterledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.charterledger.events.AdmissionBasis;
import org.charterledger.events.AttendanceRecorded;
import org.charterledger.events.Body;
import org.charterledger.events.Choice;
import org.charterledger.events.CountryCode;
import org.charterledger.events.DuesPaid;
import org.charterledger.events.FiscalYear;
import org.charterledger.events.LeftOff;
import org.charterledger.events.MeetingConvened;
import org.charterledger.events.MeetingId;
import org.charterledger.events.MemberAdmitted;
import org.charterledger.events.MemberId;
import org.charterledger.events.Money;
import org.charterledger.events.MotionId;
import org.charterledger.events.MotionKind;
import org.charterledger.events.MotionOpened;
import org.charterledger.events.PartyCategory;
import org.charterledger.events.PaymentId;
import org.charterledger.events.Procedure;
import org.charterledger.events.RollEntry;
import org.charterledger.events.VoteCast;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The downloads on PostgreSQL, on a ledger of its own of some thousands of events: {@value #PROVINCES} members
 * admitted in 2016, every one paid for 2016 and every third for 2017 too, two members named with commas and in
 * their own scripts, and an open motion with two ballots. Every CSV is read back with Jackson's CSV parser and
 * compared with the JSON answer it was written from.
 */
@DirtiesContext
class ExportsIT extends LedgerIT {

    private static final int PROVINCES = 1000;
    private static final LocalDate ADMITTED = LocalDate.of(2016, 1, 1);
    private static final MemberId ULSAN = new MemberId("KR-ULSAN");
    private static final MemberId SAKHA = new MemberId("RU-SAKHA");
    private static final MeetingId MEETING = new MeetingId("GA14");
    private static final MotionId MOTION = new MotionId("GA14-M1");
    private static final LocalDate SITTING = LocalDate.of(2021, 8, 10);
    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    @LocalServerPort
    private int port;

    private long head;

    @DynamicPropertySource
    static void ownLedger(DynamicPropertyRegistry properties) {
        String url = freshDatabase();
        properties.add("spring.datasource.url", () -> url);
    }

    @BeforeEach
    void aLedgerOfSomeThousandsOfEvents() {
        if (ledgerHead() == 0) {
            append(ULSAN.value(), admitted(ULSAN, "KR", "Ulsan Metropolitan City, \"Ulsan\"", "울산광역시"));
            append(SAKHA.value(), admitted(SAKHA, "RU", "Sakha (Yakutia), Republic of", "Республика Саха (Якутия)"));
            append(ULSAN.value(), paid(ULSAN, 2016, Money.of("1180000", "KRW"), "2016-03-01"));
            append(ULSAN.value(), paid(ULSAN, 2017, Money.of("600", "USD"), "2017-04-30"));
            append(ULSAN.value(), paid(ULSAN, 2019, Money.of("1000", "USD"), "2018-06-01")); // in advance
            List<GenericDomainEventMessage<?>> provinces = new ArrayList<>();
            for (int i = 1; i <= PROVINCES; i++) {
                MemberId member = new MemberId("MN-P" + i);
                provinces.add(new GenericDomainEventMessage<>("Member", member.value(), 0,
                        admitted(member, "MN", "Province " + i, null)));
                provinces.add(new GenericDomainEventMessage<>("Member", member.value(), 1,
                        paid(member, 2016, Money.of("1000", "USD"), "2016-03-01")));
                if (i % 3 == 0) {
                    provinces.add(new GenericDomainEventMessage<>("Member", member.value(), 2,
                            paid(member, 2017, Money.of("1000", "USD"), "2017-03-01")));
                }
            }
            for (int from = 0; from < provinces.size(); from += 500) {
                List<GenericDomainEventMessage<?>> batch = provinces.subList(from, Math.min(from + 500, provinces.size()));
                transactions.executeInTransaction(() -> ledger.appendEvents(batch));
            }
            append("Meeting", MEETING.value(), new MeetingConvened(MEETING, Body.GA, 14, ULSAN, "Ulsan", SITTING,
                    SITTING));
            append("Meeting", MEETING.value(), new AttendanceRecorded(MEETING, List.of(ULSAN, SAKHA)));
            append("Motion", MOTION.value(), new MotionOpened(MOTION, MEETING, Body.GA, MotionKind.ARTICLE_8, 1,
                    "CATEGORY_A", "Amend Article 5", Procedure.SITTING, null, SITTING,
                    List.of(new RollEntry(ULSAN, List.of()), new RollEntry(SAKHA, List.of())),
                    List.of(new LeftOff(new MemberId("JP-MIYAGI"), PartyCategory.OBSERVER, "an observer has no vote",
                            null))));
            append("Motion", MOTION.value(), new VoteCast(MOTION, SAKHA, Choice.NO, SITTING));
            append("Motion", MOTION.value(), new VoteCast(MOTION, ULSAN, Choice.YES, SITTING));
        }
        head = ledgerHead();
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(body(get("/api/audit/events?limit=1")).get("settledUpTo").asLong()).isEqualTo(head));
    }

    @Test
    void theRightsCsvOpensWithAHeaderAndHasOneRowPerParty() throws Exception {
        JsonNode json = body(get("/api/rights?asOf=2018-05-01&atLeast=" + head));
        ResponseEntity<String> answer = get("/api/rights?asOf=2018-05-01&atLeast=" + head, "text/csv");

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("text/csv;charset=UTF-8"));
        assertThat(answer.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(answer.getHeaders().getContentDisposition().getFilename()).isEqualTo("rights-2018-05-01.csv");
        List<String[]> lines = lines(answer.getBody());
        assertThat(lines.get(0)).containsExactly("id", "name", "country", "category", "mayVote", "mayStandAndElect",
                "reason", "articles", "restrictedSince", "yearsInArrears");
        List<Map<String, String>> rows = rows(answer.getBody());
        assertThat(rows).hasSize(json.get("parties").asInt()).hasSize(PROVINCES + 2);
        assertThat(rows.stream().map(row -> row.get("id")).distinct()).hasSize(rows.size());
        assertThat(rows.stream().filter(row -> row.get("mayVote").equals("false")))
                .hasSize(json.get("restricted").asInt());
        Map<String, String> sakha = row(rows, "id", SAKHA.value());
        JsonNode sakhaInJson = null;
        for (JsonNode party : json.get("rights")) {
            sakhaInJson = party.get("id").asText().equals(SAKHA.value()) ? party : sakhaInJson;
        }
        assertThat(sakha.get("name")).isEqualTo("Sakha (Yakutia), Republic of");
        assertThat(sakha.get("mayVote")).isEqualTo("false");
        assertThat(sakha.get("reason")).isEqualTo(sakhaInJson.get("reason").asText());
        assertThat(sakha.get("restrictedSince")).isEqualTo(sakhaInJson.get("restriction").get("since").asText());
        List<String> years = new ArrayList<>();
        sakhaInJson.get("restriction").get("yearsInArrears").forEach(year -> years.add(year.asText()));
        assertThat(sakha.get("yearsInArrears")).isEqualTo(String.join("; ", years)).startsWith("2016; 2017");
        assertThat(sakha.get("articles")).contains("Dues Regulation Art. 6");
        Map<String, String> paidBoth = row(rows, "id", "MN-P3");
        assertThat(paidBoth.get("mayVote")).isEqualTo("true");
        assertThat(paidBoth.get("restrictedSince")).isEmpty();
    }

    @Test
    void theRegisterCsvHoldsTheRowsOfTheJsonAnswerWithNamesAsRecorded() throws Exception {
        JsonNode json = body(get("/api/members?asOf=" + SITTING + "&atLeast=" + head));
        ResponseEntity<String> answer = get("/api/members?format=csv&asOf=" + SITTING + "&atLeast=" + head);

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentDisposition().getFilename()).isEqualTo("register-2021-08-10.csv");
        List<Map<String, String>> rows = rows(answer.getBody());
        assertThat(rows).hasSize(json.get("total").asInt()).hasSize(PROVINCES + 2);
        assertThat(rows.stream().map(row -> row.get("id")).toList())
                .isEqualTo(json.get("parties").findValuesAsText("id"));
        assertThat(lines(answer.getBody()).get(0)).containsExactly("id", "country", "name", "localName", "category",
                "since", "basis");
        assertThat(row(rows, "id", ULSAN.value()).get("localName")).isEqualTo("울산광역시");
        assertThat(row(rows, "id", ULSAN.value()).get("since")).isEqualTo("2016-01-01");
        assertThat(row(rows, "id", SAKHA.value()).get("localName")).isEqualTo("Республика Саха (Якутия)");
        // RFC 4180: CRLF line ends, a field with a comma or a quote quoted, its quotes doubled
        assertThat(answer.getBody()).contains("\r\nKR-ULSAN,KR,\"Ulsan Metropolitan City, \"\"Ulsan\"\"\",울산광역시,");
        assertThat(answer.getBody()).endsWith("\r\n");

        ResponseEntity<String> koreans = get("/api/members?country=KR&asOf=" + SITTING, "text/csv");
        assertThat(rows(koreans.getBody())).hasSize(body(get("/api/members?country=KR&asOf=" + SITTING))
                .get("total").asInt()).hasSize(1);
    }

    @Test
    void aMotionsBallotsInTheOrderCast() throws Exception {
        JsonNode json = body(get("/api/motions/" + MOTION + "?atLeast=" + head));
        ResponseEntity<String> answer = get("/api/motions/" + MOTION + "?atLeast=" + head, "text/csv");

        assertThat(answer.getHeaders().getContentDisposition().getFilename()).isEqualTo("ballots-GA14-M1-open.csv");
        List<Map<String, String>> rows = rows(answer.getBody());
        assertThat(lines(answer.getBody()).get(0)).containsExactly("member", "choice", "castOn", "position");
        assertThat(rows).extracting(row -> row.get("member") + " " + row.get("choice") + " " + row.get("castOn"))
                .containsExactly("RU-SAKHA NO 2021-08-10", "KR-ULSAN YES 2021-08-10");
        assertThat(rows.stream().map(row -> row.get("position")).toList())
                .isEqualTo(json.get("ballots").findValuesAsText("position"));
    }

    @Test
    void aDuesStatementARowPerPaymentWithItsYearsAccount() throws Exception {
        ResponseEntity<String> answer = get("/api/members/" + ULSAN + "/dues?asOf=2018-12-31&atLeast=" + head,
                "text/csv");

        assertThat(answer.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("dues-KR-ULSAN-2018-12-31.csv");
        List<Map<String, String>> rows = rows(answer.getBody());
        assertThat(rows).extracting(row -> row.get("year") + " " + row.get("settlement") + " " + row.get("paid")
                        + " " + row.get("paidCurrency") + " " + row.get("balance") + " " + row.get("currency"))
                .containsExactly("2016 PAID 1180000 KRW 0.00 USD", "2017 PART_PAID 600.00 USD -400.00 USD",
                        "2018 UNPAID   -1000.00 USD", "2019  1000.00 USD  ");
        assertThat(rows.get(2).get("inArrears")).isEqualTo("true");
        assertThat(rows.get(2).get("paymentId")).isEmpty();
        // a payment for a year not yet assessed: its own row, the account's columns empty
        assertThat(rows.get(3).get("paidOn")).isEqualTo("2018-06-01");
        assertThat(rows.get(3).get("dueOn")).isEmpty();
        assertThat(rows.get(3).get("counts")).isEqualTo("true");
    }

    @Test
    void theEventRecordAsJsonLinesIsStreamedInPositionOrder() throws Exception {
        int inJson = eventsInTheJsonRecord();
        HttpResponse<Stream<String>> answer = stream("/api/audit/events", "application/x-ndjson");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/x-ndjson;charset=UTF-8");
        // written as the rows come, not measured first: no length, chunk by chunk
        assertThat(answer.headers().firstValue("Content-Length")).isEmpty();
        assertThat(answer.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(answer.headers().firstValue("Content-Disposition")).get().asString()
                .startsWith("attachment; filename=\"event-record-").endsWith("-to-" + head + ".jsonl\"");
        AtomicLong last = new AtomicLong();
        long lines;
        try (Stream<String> body = answer.body()) {
            lines = body.mapToLong(line -> {
                JsonNode event = read(line);
                assertThat(event.get("position").asLong()).isGreaterThan(last.get());
                last.set(event.get("position").asLong());
                return 1;
            }).sum();
        }
        assertThat(lines).isEqualTo(inJson).isGreaterThan(2 * PROVINCES);
        assertThat(last.get()).isEqualTo(head);

        HttpResponse<Stream<String>> jsonl = stream("/api/audit/events?format=jsonl&type=VoteCast", null);
        try (Stream<String> body = jsonl.body()) {
            assertThat(body.map(line -> read(line).get("payload").get("member").asText()))
                    .containsExactly("RU-SAKHA", "KR-ULSAN");
        }
        assertThat(jsonl.headers().firstValue("Content-Type")).hasValue("application/jsonl;charset=UTF-8");
    }

    @Test
    void theEventRecordAsCsvHasARowPerEventWithItsPayload() throws Exception {
        int inJson = eventsInTheJsonRecord();
        ResponseEntity<String> answer = get("/api/audit/events", "text/csv");

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        List<Map<String, String>> rows = rows(answer.getBody());
        assertThat(rows).hasSize(inJson);
        assertThat(lines(answer.getBody()).get(0)).containsExactly("position", "aggregate", "aggregateType",
                "sequence", "type", "revision", "businessDate", "recordedAt", "principal", "requestId", "decidedBy",
                "payload");
        List<Long> positions = rows.stream().map(row -> Long.parseLong(row.get("position"))).toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        Map<String, String> first = rows.get(0);
        assertThat(first.get("type")).isEqualTo("MemberAdmitted");
        assertThat(first.get("businessDate")).isEqualTo("2016-01-01");
        assertThat(read(first.get("payload")).get("localName").asText()).isEqualTo("울산광역시");

        List<Map<String, String>> after = rows(get("/api/audit/events?format=csv&after=" + (head - 2)).getBody());
        assertThat(after).extracting(row -> row.get("position")).containsExactly(String.valueOf(head - 1),
                String.valueOf(head));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a PDF of the rights                | /api/rights                 | application/pdf | Accept
            a spreadsheet by name              | /api/rights?format=xlsx     |                 | format
            CSV of one party                   | /api/members/KR-ULSAN       | text/csv        | Accept
            a CSV link to one party            | /api/members/KR-ULSAN?format=csv |            | format
            JSON Lines of the register         | /api/members                | application/x-ndjson | Accept
            """)
    void aFormatNobodyServesIsNotAcceptable(String what, String path, String accept, String field) throws Exception {
        JsonNode problem = assertProblem(get(path, accept), 406, "not-acceptable", field);
        assertThat(problem.get("detail").asText()).contains(accept != null ? accept : "format");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the rights on no such day        | /api/rights?asOf=2018-02-30                | text/csv | asOf
            the rights by link               | /api/rights?format=csv&asOf=soon           |          | asOf
            a statement on no such day       | /api/members/KR-ULSAN/dues?asOf=yesterday  | text/csv | asOf
            the register on no such day      | /api/members?format=csv&asOf=2021-13-01    |          | asOf
            the record from a negative place | /api/audit/events?after=-1                 | text/csv | after
            the record in no such year       | /api/audit/events?format=jsonl&from=2019   |          | from
            """)
    void malformedDatesAndPositionsAreProblemsWhateverTheFormat(String what, String path, String accept,
                                                                String field) throws Exception {
        assertProblem(get(path, accept), 400, "malformed-request", field);
    }

    @Test
    void anUnknownMotionIsNotFoundAsCsvToo() throws Exception {
        assertProblem(get("/api/motions/GA99-M9", "text/csv"), 404, "not-found", "id");
    }

    @Test
    void downloadsNeedTheSameLoginAsTheJson() throws Exception {
        ResponseEntity<String> anonymous = http.exchange("/api/rights?format=csv", HttpMethod.GET, null,
                String.class);
        assertProblem(anonymous, 401, "unauthenticated", null);
    }

    @Test
    void theApiDescriptionListsEachDownloadBesideItsJson() throws Exception {
        JsonNode paths = body(get("/v3/api-docs")).get("paths");

        for (String path : List.of("/api/members", "/api/rights", "/api/members/{id}/dues", "/api/motions/{id}",
                "/api/audit/events")) {
            JsonNode content = paths.get(path).get("get").get("responses").get("200").get("content");
            assertThat(content.has("text/csv")).as(path).isTrue();
            assertThat(content.get("text/csv").get("schema").get("type").asText()).isEqualTo("string");
        }
        JsonNode record = paths.get("/api/audit/events").get("get");
        assertThat(record.get("summary").asText()).isEqualTo("The record, paged by position");
        assertThat(record.get("responses").get("200").get("content").has("application/x-ndjson")).isTrue();
    }

    private static MemberAdmitted admitted(MemberId member, String country, String name, String localName) {
        return new MemberAdmitted(member, CountryCode.of(country), name, localName, PartyCategory.MEMBER, ADMITTED,
                AdmissionBasis.OPENING_BALANCE, null);
    }

    private static DuesPaid paid(MemberId member, int year, Money paid, String paidOn) {
        return new DuesPaid(member, new PaymentId(UUID.randomUUID().toString()), FiscalYear.of(year), paid,
                paid.currency().getCurrencyCode().equals("USD") ? paid : Money.of("1000", "USD"),
                LocalDate.parse(paidOn), "transfer");
    }

    /** The events the JSON record holds, page after page. */
    private int eventsInTheJsonRecord() throws Exception {
        int events = 0;
        JsonNode page = body(get("/api/audit/events?limit=1000"));
        Set<Long> positions = new HashSet<>();
        while (true) {
            page.get("events").forEach(event -> positions.add(event.get("position").asLong()));
            events += page.get("events").size();
            if (page.get("next").isNull()) {
                break;
            }
            page = body(get("/api/audit/events?limit=1000&after=" + page.get("next").asLong()));
        }
        assertThat(positions).hasSize(events);
        return events;
    }

    private ResponseEntity<String> get(String path, String accept) {
        HttpHeaders headers = new HttpHeaders();
        if (accept != null) {
            headers.set(HttpHeaders.ACCEPT, accept);
        }
        return http.withBasicAuth("reader", "test-reader")
                .exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    /** The answer as a client reads a download: line by line, as it arrives. */
    private HttpResponse<Stream<String>> stream(String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                        .encodeToString("reader:test-reader".getBytes(StandardCharsets.UTF_8)));
        if (accept != null) {
            request.header(HttpHeaders.ACCEPT, accept);
        }
        // HTTP/1.1: the test looks at the chunked transfer coding, which HTTP/2 has no use for
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofLines());
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static List<Map<String, String>> rows(String csv) throws Exception {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        }
    }

    private static List<String[]> lines(String csv) throws Exception {
        try (MappingIterator<String[]> lines = CSV.readerFor(String[].class).readValues(csv)) {
            return lines.readAll();
        }
    }

    private static Map<String, String> row(List<Map<String, String>> rows, String column, String value) {
        return rows.stream().filter(row -> value.equals(row.get(column))).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + column + " " + value));
    }
}
