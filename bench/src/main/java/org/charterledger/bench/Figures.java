package org.charterledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The figures of issue 9 on one running ledger (NEAR's register imported), each beside its raw-PostgreSQL anchor
 * measured on the same server in the same run.
 */
final class Figures {

    /** The day the benchmark's meeting sits: before Liaoning's admission, so its roll holds NEAR's 78 members. */
    static final LocalDate SITTING = LocalDate.of(2021, 6, 1);
    static final String MEETING = "BENCH-GA";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Bench.Options options;
    private final Pg db;
    private final Services services;
    private final Report report;
    private final Http commands;
    private final Http reader;
    private final Http auditor;
    private final List<String> members;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    private List<String> roll;
    private int motions;

    Figures(Bench.Options options, Pg db, Services services, Report report) {
        this.options = options;
        this.db = db;
        this.services = services;
        this.report = report;
        this.commands = new Http(services.commands.base(), "secretariat", options.users().secretariat());
        this.reader = new Http(services.queries.base(), "reader", options.users().reader());
        this.auditor = new Http(services.queries.base(), "auditor", options.users().auditor());
        this.members = membersOf(reader);
    }

    /** The parties of category MEMBER on the register today. */
    static List<String> membersOf(Http reader) {
        List<String> members = new ArrayList<>();
        for (JsonNode party : read(Http.must(reader.get("/api/members")).body()).path("parties")) {
            if ("MEMBER".equals(party.path("category").asText())) {
                members.add(party.path("id").asText());
            }
        }
        if (members.isEmpty()) {
            throw new IllegalStateException("the register lists no members: was NEAR's register imported?");
        }
        return members;
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long head() {
        return db.count("SELECT COALESCE(MAX(global_index), 0) FROM ledger.domain_event_entry");
    }

    long events() {
        return db.count("SELECT count(*) FROM ledger.domain_event_entry");
    }

    // ---------------------------------------------------------------------------------------------------- writes

    static String payment(int fiscalYear, LocalDate paidOn, String reference) {
        return """
                {"fiscalYear": %d, "paid": {"amount": "1300000", "currency": "KRW"},
                 "credited": {"amount": "1000", "currency": "USD"}, "paidOn": "%s", "reference": "%s"}"""
                .formatted(fiscalYear, paidOn, reference);
    }

    /** A dues payment by the i-th member in turn, for one of the years every member owes. */
    HttpRequest nextPayment(long i) {
        String member = members.get((int) (i % members.size()));
        int year = 2022 + (int) ((i / members.size()) % 5);
        return commands.post("/api/members/" + member + "/dues-payments", payment(year, today, "bench " + i));
    }

    void writes() {
        Pg.Pgbench[] anchors = new Pg.Pgbench[2];
        prepareAppendAnchor();
        int[] connections = {8, 64};
        AtomicLong next = new AtomicLong();
        for (int i = 0; i < connections.length; i++) {
            int c = connections[i];
            long before = events();
            long duesBefore = db.count("SELECT count(*) FROM ledger.domain_event_entry"
                    + " WHERE payload_type = 'org.charterledger.events.DuesPaid'");
            Load.Result result = Load.run(c, options.warmUp(), options.window(),
                    () -> nextPayment(next.getAndIncrement()));
            long stored = events() - before;
            long duesStored = db.count("SELECT count(*) FROM ledger.domain_event_entry"
                    + " WHERE payload_type = 'org.charterledger.events.DuesPaid'") - duesBefore;
            anchors[i] = appendAnchor(c);
            writeRow("dues payments over HTTP, " + c + " connections, spread over " + members.size() + " members",
                    result, stored, duesStored, anchors[i], c == 8);
        }
        votes(anchors);
    }

    private void writeRow(String figure, Load.Result result, long stored, long ofType, Pg.Pgbench anchor,
                          boolean target) {
        double ratio = result.okPerSecond() / anchor.tps();
        boolean clean = result.clientErrors() + result.serverErrors() + result.failed() == 0;
        boolean whole = stored == result.ok() && ofType == result.ok();
        Map<String, Object> data = data(result);
        data.put("eventsStored", stored);
        data.put("commandsAccepted", result.ok());
        data.put("anchorClients", anchor.clients());
        data.put("anchorPerSecond", anchor.tps());
        report.add("writes", figure,
                Report.rate(result.okPerSecond()) + " commands/s, p50 " + Report.ms(result.p50()) + ", p99 "
                        + Report.ms(result.p99()) + "; " + result.counts() + "; events stored " + stored
                        + (whole ? " = " : " ≠ ") + result.ok() + " accepted"
                        + (result.exhausted() ? " (ran out of open votes after " + Report.rate(result.seconds())
                        + " s)" : ""),
                "pgbench single-row INSERT into a copy of the event table, one commit each, " + anchor.clients()
                        + " clients: " + Report.rate(anchor.tps()) + "/s",
                ratio, target ? "≥ 40 %, 0 errors, 0 lost" : "0 errors, 0 lost",
                (!target || ratio >= 0.40) && clean && whole, data);
    }

    static Map<String, Object> data(Load.Result result) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("connections", result.connections());
        data.put("seconds", result.seconds());
        data.put("okPerSecond", result.okPerSecond());
        data.put("answersPerSecond", result.answersPerSecond());
        data.put("p50Ms", result.p50());
        data.put("p99Ms", result.p99());
        data.put("maxMs", Load.millis(result.latencies().getMaxValue()));
        data.put("status2xx", result.ok());
        data.put("status4xx", result.clientErrors());
        data.put("status5xx", result.serverErrors());
        data.put("failed", result.failed());
        data.put("over10s", result.over10s());
        return data;
    }

    /** A copy of the event table in a schema of the benchmark's own, for pgbench to append to. */
    private void prepareAppendAnchor() {
        db.execute("CREATE SCHEMA IF NOT EXISTS bench");
        db.execute("DROP TABLE IF EXISTS bench.domain_event_entry");
        db.execute("CREATE TABLE bench.domain_event_entry (LIKE ledger.domain_event_entry INCLUDING ALL)");
        // one event as the ledger stores it: the payload and metadata of a real dues payment
        String payload = "{\"member\":\"KR-ULSAN\",\"payment\":\"6c0e2f5e-3b1a-3d6f-9a53-6c1f0e9e2b7d\",\"year\":2024,"
                + "\"paid\":{\"amount\":\"1300000\",\"currency\":\"KRW\"},\"credited\":{\"amount\":\"1000.00\","
                + "\"currency\":\"USD\"},\"paidOn\":\"2024-03-02\",\"reference\":\"KEB 2024-0302\"}";
        String metaData = "{\"traceId\":\"955e8e68-77cd-4430-8e1a-657f004ca9a8\",\"principal\":\"secretariat\","
                + "\"correlationId\":\"955e8e68-77cd-4430-8e1a-657f004ca9a8\",\"requestId\":\"ulsan-2024\"}";
        String script = """
                INSERT INTO bench.domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (gen_random_uuid()::text, gen_random_uuid()::text, 0, 'Member', now()::text,
                    'org.charterledger.events.DuesPaid', '1', convert_to('%s', 'UTF8'), convert_to('%s', 'UTF8'));
                """.formatted(payload, metaData).replace("\n    ", " ").replace("\n", " ").strip() + "\n";
        try {
            Files.createDirectories(options.out());
            Files.writeString(options.out().resolve("append.sql"), script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Pg.Pgbench appendAnchor(int clients) {
        int fit = Math.min(clients, db.freeConnections(10));
        return db.pgbench(fit, options.anchorSeconds(), options.logDir(), "append-" + clients, "-n", "-f",
                options.out().resolve("append.sql").toString());
    }

    /** Votes over HTTP, spread over many open motions: every vote goes to another motion than the one before. */
    private void votes(Pg.Pgbench[] anchors) {
        conveneMeeting();
        int perPhase = options.voteMotions();
        List<String> open = openMotions("BENCH-V", 2 * perPhase);
        int[] connections = {8, 64};
        for (int i = 0; i < connections.length; i++) {
            Queue<HttpRequest> votes = new ConcurrentLinkedQueue<>();
            List<String> mine = open.subList(i * perPhase, (i + 1) * perPhase);
            String[] choices = {"YES", "YES", "NO", "ABSTAIN"};
            for (int m = 0; m < roll.size(); m++) {
                for (String motion : mine) {
                    votes.add(commands.post("/api/motions/" + motion + "/votes",
                            "{\"member\": \"" + roll.get(m) + "\", \"choice\": \"" + choices[m % 4] + "\", \"castOn\": \""
                                    + SITTING + "\"}"));
                }
            }
            long before = events();
            long votesBefore = db.count("SELECT count(*) FROM ledger.domain_event_entry"
                    + " WHERE payload_type = 'org.charterledger.events.VoteCast'");
            Load.Result result = Load.run(connections[i], options.warmUp(), options.window(), votes::poll);
            long stored = events() - before;
            long votesStored = db.count("SELECT count(*) FROM ledger.domain_event_entry"
                    + " WHERE payload_type = 'org.charterledger.events.VoteCast'") - votesBefore;
            writeRow("votes over HTTP, " + connections[i] + " connections, spread over " + perPhase + " open motions",
                    result, stored, votesStored, anchors[i], connections[i] == 8);
        }
    }

    private void conveneMeeting() {
        Http.must(commands.post("/api/meetings", """
                {"id": "%s", "body": "GA", "ordinal": 90, "host": "KR-ULSAN", "venue": "Pohang",
                 "firstDay": "%s", "lastDay": "%s"}""".formatted(MEETING, SITTING, SITTING)));
    }

    /** Opens motions at the benchmark's meeting, four at a time; learns their roll from the first. */
    private List<String> openMotions(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(prefix + (++motions));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Http.Answer>> opened = new ArrayList<>();
            for (String id : ids) {
                opened.add(pool.submit(() -> Http.must(commands.post("/api/motions", """
                        {"id": "%s", "meeting": "%s", "item": 7, "subject": "Benchmark motion %s",
                         "procedure": "SITTING"}""".formatted(id, MEETING, id)))));
            }
            long position = 0;
            for (Future<Http.Answer> answer : opened) {
                position = Math.max(position, answer.get().position());
            }
            if (roll == null) {
                roll = new ArrayList<>();
                for (JsonNode line : read(Http.must(reader.get("/api/motions/" + ids.get(0) + "/roll?atLeast="
                        + position)).body()).path("roll")) {
                    roll.add(line.path("member").asText());
                }
            }
            return ids;
        } catch (Exception e) {
            throw new IllegalStateException("could not open the benchmark's motions", e);
        } finally {
            pool.shutdown();
        }
    }

    // ------------------------------------------------------------------------------------------- read-your-write

    void readYourWrite() {
        Histogram visible = new Histogram(3);
        Histogram command = new Histogram(3);
        int failures = 0;
        long deadline = System.nanoTime() + options.window().toNanos() * 2;
        for (int i = 0; i < options.samples() && System.nanoTime() < deadline; i++) {
            String member = members.get(i % members.size());
            try {
                long sent = System.nanoTime();
                Http.Answer receipt = Http.send(commands.post("/api/members/" + member + "/dues-payments",
                        payment(2026, today, "read your write " + i)));
                long answered = System.nanoTime();
                if (!receipt.ok()) {
                    failures++;
                    continue;
                }
                Http.Answer statement = Http.send(reader.get("/api/members/" + member + "/dues?atLeast="
                        + receipt.position()));
                long seen = System.nanoTime();
                command.recordValue((answered - sent) / 1000);
                if (statement.ok()) {
                    visible.recordValue((seen - answered) / 1000);
                } else {
                    failures++;
                }
            } catch (IOException e) {
                failures++;
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("samples", visible.getTotalCount());
        data.put("failures", failures);
        data.put("p50Ms", Load.millis(visible.getValueAtPercentile(50)));
        data.put("p99Ms", Load.millis(visible.getValueAtPercentile(99)));
        data.put("commandP50Ms", Load.millis(command.getValueAtPercentile(50)));
        report.add("read-your-write", "POST a payment, then GET its dues statement with ?atLeast= (one client)",
                "visible after p50 " + Report.ms(Load.millis(visible.getValueAtPercentile(50))) + ", p99 "
                        + Report.ms(Load.millis(visible.getValueAtPercentile(99))) + " (" + visible.getTotalCount()
                        + " samples" + (failures > 0 ? ", " + failures + " not answered 2xx" : "")
                        + "); the command itself p50 " + Report.ms(Load.millis(command.getValueAtPercentile(50))),
                null, null, "p99 ≤ 50 ms",
                failures == 0 && visible.getTotalCount() > 0 && Load.millis(visible.getValueAtPercentile(99)) <= 50,
                data);
    }

    /** A command that changes one view, and how to see it there. */
    private record Change(HttpRequest command, HttpRequest query, Predicate<Http.Answer> shows) {
    }

    /**
     * Commit-to-visible in every view: a command that changes the view, then its query, asked again and again
     * without {@code atLeast} until the change shows; the time from the command's answer to the first answer
     * that shows it.
     */
    void commitToVisible() {
        List<String> votable = openMotions("BENCH-C", 1);
        String motion = votable.get(0);
        Map<String, java.util.function.IntFunction<Change>> views = new LinkedHashMap<>();
        views.put("register", i -> {
            String id = "JP-BENCH" + i;
            return new Change(commands.post("/api/members", """
                    {"id": "%s", "country": "JP", "name": "Benchmark Prefecture %d", "category": "OBSERVER",
                     "admittedOn": "2021-01-01", "basis": "OPENING_BALANCE"}""".formatted(id, i)),
                    reader.get("/api/members/" + id), Http.Answer::ok);
        });
        views.put("dues", i -> {
            String member = members.get(i % members.size());
            String reference = "visible " + i;
            return new Change(commands.post("/api/members/" + member + "/dues-payments",
                    payment(2025, today, reference)), reader.get("/api/members/" + member + "/dues"),
                    a -> a.ok() && a.body().contains(reference));
        });
        views.put("motions", i -> {
            String member = roll.get(i % roll.size());
            return new Change(commands.post("/api/motions/" + motion + "/votes",
                    "{\"member\": \"" + member + "\", \"choice\": \"YES\", \"castOn\": \"" + SITTING + "\"}"),
                    reader.get("/api/motions/" + motion), a -> a.ok() && a.body().contains("\"member\":\"" + member + "\""));
        });
        views.put("offices", i -> {
            LocalDate from = LocalDate.of(2022, 1, 11).plusDays(3L * i);
            String name = "Benchmark Secretary-General " + i;
            Http.must(commands.post("/api/offices/secretary-general/end", "{\"on\": \"" + from.minusDays(1) + "\"}"));
            return new Change(commands.post("/api/offices/secretary-general", """
                    {"name": "%s", "proposedBy": "KR-GYEONGBUK", "appointedBy": "KR-ULSAN", "from": "%s"}"""
                    .formatted(name, from)), reader.get("/api/offices/secretary-general?asOf=" + from),
                    a -> a.ok() && a.body().contains(name));
        });
        views.put("subcommittees", i -> {
            String form = "benchmark activity " + i;
            return new Change(commands.post("/api/subcommittees/1/activities",
                    "{\"firstDay\": \"2022-05-01\", \"form\": \"" + form + "\"}"),
                    reader.get("/api/subcommittees/1/history"), a -> a.ok() && a.body().contains(form));
        });
        int samples = Math.max(5, options.samples() / 10);
        views.forEach((view, change) -> {
            Histogram visible = new Histogram(3);
            int failures = 0;
            for (int i = 0; i < samples; i++) {
                try {
                    Change c = change.apply(i);
                    Http.Answer answer = Http.send(c.command());
                    long answered = System.nanoTime();
                    if (!answer.ok()) {
                        failures++;
                        continue;
                    }
                    long deadline = answered + Duration.ofSeconds(10).toNanos();
                    boolean shown = false;
                    while (!shown && System.nanoTime() < deadline) {
                        shown = c.shows().test(Http.send(c.query()));
                    }
                    if (shown) {
                        visible.recordValue((System.nanoTime() - answered) / 1000);
                    } else {
                        failures++;
                    }
                } catch (IOException | RuntimeException e) {
                    failures++;
                }
            }
            double p50 = Load.millis(visible.getValueAtPercentile(50));
            double p99 = Load.millis(visible.getValueAtPercentile(99));
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("samples", visible.getTotalCount());
            data.put("failures", failures);
            data.put("p50Ms", p50);
            data.put("p99Ms", p99);
            report.add("read-your-write", "commit-to-visible, " + view + " view (asked until it shows)",
                    "p50 " + Report.ms(p50) + ", p99 " + Report.ms(p99) + " (" + visible.getTotalCount()
                            + " samples" + (failures > 0 ? ", " + failures + " not visible within 10 s or refused" : "")
                            + ")", null, null, "p99 ≤ 50 ms", failures == 0 && p99 <= 50, data);
        });
    }

    // ------------------------------------------------------------------------------------------------ assembly

    /** 78 delegates vote at once on one motion: until all are accepted, and until the live count shows them. */
    void assembly() {
        double worstAccepted = 0;
        double worstVisible = 0;
        long refused = 0;
        int rounds = 3;
        List<String> opened = openMotions("BENCH-A", rounds);
        for (String motion : opened) {
            int n = roll.size();
            ExecutorService delegates = Executors.newFixedThreadPool(n);
            try {
                // one kept-alive connection per delegate, as a voting terminal in the hall holds it
                List<Future<?>> warm = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    warm.add(delegates.submit(() -> Http.send(commands.get("/actuator/health"))));
                }
                for (Future<?> w : warm) {
                    w.get();
                }
                CountDownLatch release = new CountDownLatch(1);
                List<Future<long[]>> votes = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    String member = roll.get(i);
                    HttpRequest vote = commands.post("/api/motions/" + motion + "/votes",
                            "{\"member\": \"" + member + "\", \"choice\": \"YES\", \"castOn\": \"" + SITTING + "\"}");
                    votes.add(delegates.submit(() -> {
                        release.await();
                        int status = Http.send(vote).status();
                        return new long[] {status, System.nanoTime()};
                    }));
                }
                long start = System.nanoTime();
                release.countDown();
                long visibleAt = -1;
                HttpRequest count = reader.get("/api/motions/" + motion);
                while (visibleAt < 0 && System.nanoTime() - start < Duration.ofSeconds(60).toNanos()) {
                    Http.Answer answer = Http.send(count);
                    if (answer.ok()) {
                        int cast = 0;
                        for (JsonNode v : read(answer.body()).path("count").path("votes")) {
                            cast += v.asInt();
                        }
                        if (cast >= n) {
                            visibleAt = System.nanoTime();
                        }
                    }
                }
                long lastAccepted = start;
                for (Future<long[]> vote : votes) {
                    long[] outcome = vote.get();
                    if (outcome[0] / 100 != 2) {
                        refused++;
                    }
                    lastAccepted = Math.max(lastAccepted, outcome[1]);
                }
                worstAccepted = Math.max(worstAccepted, (lastAccepted - start) / 1e6);
                worstVisible = Math.max(worstVisible, visibleAt < 0 ? Double.POSITIVE_INFINITY
                        : (visibleAt - start) / 1e6);
            } catch (Exception e) {
                throw new IllegalStateException("the assembly's vote failed", e);
            } finally {
                delegates.shutdown();
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("delegates", roll.size());
        data.put("rounds", rounds);
        data.put("worstAllAcceptedMs", worstAccepted);
        data.put("worstCountShowsAllMs", worstVisible);
        data.put("refused", refused);
        report.add("assembly", roll.size() + " delegates vote at once on one motion (worst of " + rounds + ")",
                Report.ms(worstAccepted) + " until all " + roll.size() + " accepted" + (refused > 0 ? " (" + refused
                        + " refused)" : "") + ", " + (Double.isInfinite(worstVisible) ? "count never showed them"
                        : Report.ms(worstVisible) + " until the live count shows " + roll.size()),
                null, null, "both ≤ 1 s", refused == 0 && worstAccepted <= 1000 && worstVisible <= 1000, data);
    }

    // --------------------------------------------------------------------------------------------------- reads

    void reads() {
        int clients = options.readConnections();
        Pg side = db.sibling("pgbench");
        side.create();
        side.pgbenchInit(10, options.logDir());
        int fit = Math.min(clients, db.freeConnections(10));
        Pg.Pgbench anchor = side.pgbench(fit, options.anchorSeconds(), options.logDir(), "select-only", "-S", "-n");
        if (fit < clients) {
            report.note("pgbench -S ran with " + fit + " clients, not " + clients + ": the server's max_connections"
                    + " leaves no more free beside the services' pools");
        }
        side.drop();
        String[] dates = {"2021-08-10", "2023-10-25", today.toString()};
        AtomicLong n = new AtomicLong();
        Map<String, java.util.function.Supplier<HttpRequest>> queries = new LinkedHashMap<>();
        queries.put("one party's rights, GET /api/rights/{id}?asOf=", () -> {
            long i = n.getAndIncrement();
            return reader.get("/api/rights/" + members.get((int) (i % members.size())) + "?asOf=" + dates[(int) (i % 3)]);
        });
        queries.put("the rights table on a date, GET /api/rights?asOf=", () ->
                reader.get("/api/rights?asOf=" + dates[(int) (n.getAndIncrement() % 3)]));
        queries.put("a motion and its count, GET /api/motions/GA13-M2", () -> reader.get("/api/motions/GA13-M2"));
        queries.put("the register, GET /api/members", () -> reader.get("/api/members"));
        boolean first = true;
        for (Map.Entry<String, java.util.function.Supplier<HttpRequest>> query : queries.entrySet()) {
            Load.Result result = Load.run(clients, options.warmUp(), options.readWindow(), query.getValue());
            double ratio = result.okPerSecond() / anchor.tps();
            Map<String, Object> data = data(result);
            data.put("anchorClients", anchor.clients());
            data.put("anchorPerSecond", anchor.tps());
            boolean clean = result.clientErrors() + result.serverErrors() + result.failed() == 0;
            report.add("reads", query.getKey() + ", " + clients + " connections",
                    Report.rate(result.okPerSecond()) + " answers/s, p50 " + Report.ms(result.p50()) + ", p99 "
                            + Report.ms(result.p99()) + "; " + result.counts()
                            + (result.over10s() > 0 ? "; " + result.over10s() + " over 10 s" : ""),
                    "pgbench -S, " + anchor.clients() + " clients: " + Report.rate(anchor.tps()) + "/s", ratio,
                    first ? "p99 ≤ 50 ms and ≥ 25 %" : null,
                    first ? clean && result.p99() <= 50 && ratio >= 0.25 : null, data);
            first = false;
        }
    }

    // ------------------------------------------------------------------------------------------------- rebuild

    void rebuild() {
        double raw = db.orderedRawRead();
        long total = events();
        long start = System.nanoTime();
        Http.Answer started = Http.must(auditor.post("/api/audit/rebuilds", null));
        String id = read(started.body()).path("id").asText();
        JsonNode state = read(started.body());
        long deadline = start + options.rebuildTimeout().toNanos();
        while (!"COMPLETED".equals(state.path("status").asText()) && System.nanoTime() < deadline) {
            Bench.pause(20);
            state = read(Http.must(auditor.get("/api/audit/rebuilds/" + id)).body());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean completed = "COMPLETED".equals(state.path("status").asText());
        boolean equal = state.path("checksumsEqual").asBoolean(false);
        double perSecond = completed ? total / seconds : state.path("replayed").asLong() / seconds;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("events", total);
        data.put("completed", completed);
        data.put("seconds", seconds);
        data.put("eventsPerSecond", perSecond);
        data.put("serverEventsPerSecond", state.path("eventsPerSecond").asDouble());
        data.put("checksumsEqual", equal);
        data.put("checksumsBefore", JSON.convertValue(state.path("checksumsBefore"), Map.class));
        data.put("checksumsAfter", JSON.convertValue(state.path("checksumsAfter"), Map.class));
        data.put("rawReadEventsPerSecond", raw);
        report.add("rebuild", "rebuild of every view from " + String.format("%,d", total) + " events",
                completed ? Report.rate(perSecond) + " events/s (" + Report.ms(seconds * 1000) + " from the request"
                        + " to COMPLETED), checksums " + (equal ? "equal" : "DIFFER: " + differing(state))
                        : "not done after " + Report.ms(seconds * 1000) + ": " + state.path("replayed").asLong()
                        + " of " + total + " replayed",
                "ordered raw read (COPY … ORDER BY global_index): " + Report.rate(raw) + " events/s",
                perSecond / raw, "≥ 50,000 events/s and ≥ 30 %",
                completed && equal && perSecond >= 50_000 && perSecond / raw >= 0.30, data);
    }

    /** The projections whose checksum after a rebuild is not the one before. */
    private static String differing(JsonNode rebuild) {
        List<String> names = new ArrayList<>();
        rebuild.path("checksumsBefore").fieldNames().forEachRemaining(name -> {
            if (!rebuild.path("checksumsBefore").path(name).equals(rebuild.path("checksumsAfter").path(name))) {
                names.add(name);
            }
        });
        return String.join(", ", names);
    }

    /** Where the benchmark's motions are, for a look by hand after a run with --keep. */
    Path out() {
        return options.out();
    }
}
