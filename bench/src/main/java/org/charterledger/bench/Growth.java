package org.charterledger.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cost of a command and of a query as the ledger grows: for each size, a ledger of its own seeded with history
 * up to that many events, both services started on it, the views left to catch up from the first event, then one
 * client alone measures a dues payment, the opening of a motion and one party's rights.
 */
final class Growth {

    /** A size to measure: the association and the number of events. */
    record Size(String association, long events, String label) {

        static Size parse(String text) {
            String[] parts = text.contains(":") ? text.split(":", 2) : new String[] {"near", text};
            String n = parts[1].toLowerCase(Locale.ROOT);
            long events = n.endsWith("m") ? Long.parseLong(n.substring(0, n.length() - 1)) * 1_000_000
                    : n.endsWith("k") ? Long.parseLong(n.substring(0, n.length() - 1)) * 1_000 : Long.parseLong(n);
            return new Size(parts[0], events, parts[0] + " " + n);
        }
    }

    /** One size's figures. */
    record Point(Size size, Seeder.Result seeded, double catchUpSeconds, boolean caughtUp, double rawRead,
                 double paymentP50, double openP50, double rightsP50) {
    }

    private static final List<String> IMPORT = List.of(
            "--ledger.import.reference-data=classpath:reference/near-2021.yaml");

    private final Bench.Options options;
    private final Pg db;
    private final Report report;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC).minusDays(1);

    Growth(Bench.Options options, Pg db, Report report) {
        this.options = options;
        this.db = db;
        this.report = report;
    }

    void run(List<Size> sizes) {
        List<Point> points = new ArrayList<>();
        for (Size size : sizes) {
            points.add(measure(size));
        }
        flatCost(points, "near");
        flatCost(points, "synthetic");
    }

    private Point measure(Size size) {
        System.out.println("growth: seeding " + size.label() + " events");
        Pg ledger = db.sibling("g" + size.label().replaceAll("[^a-z0-9]", ""));
        ledger.create();
        try {
            List<String> arguments = size.association().equals("near") ? IMPORT : List.of();
            // the command service migrates the schema (and imports NEAR's register), then steps aside
            Services.Service.start(options.setup(), ledger, "command-service", "seed-" + tag(size),
                    options.setup().commandJar(), arguments).close();
            Seeder.Result seeded = new Seeder(ledger, size.association(), size.events(), 42).run();
            System.out.println("growth: " + seeded.describe());
            double raw = ledger.orderedRawRead();
            long head = ledger.count("SELECT MAX(global_index) FROM ledger.domain_event_entry");
            try (Services services = Services.start(options.setup(), ledger, "growth-" + tag(size), arguments)) {
                long started = System.nanoTime();
                Http reader = new Http(services.queries.base(), "reader", options.users().reader());
                Http commands = new Http(services.commands.base(), "secretariat", options.users().secretariat());
                boolean caughtUp = false;
                while (!caughtUp && System.nanoTime() - started < options.catchUpTimeout().toNanos()) {
                    try {
                        caughtUp = Http.send(reader.get("/api/offices/chair")).position() >= head;
                    } catch (IOException notYet) {
                        // still starting its processors
                    }
                    if (!caughtUp) {
                        Bench.pause(250);
                    }
                }
                double catchUp = (System.nanoTime() - started) / 1e9;
                List<String> members = Figures.membersOf(reader);
                double payment = p50(10, 50, i -> commands.post("/api/members/" + members.get(i % members.size())
                        + "/dues-payments", Figures.payment(today.getYear(), today, "growth " + i)));
                Http.must(commands.post("/api/meetings", """
                        {"id": "GROWTH-GA", "body": "GA", "ordinal": 99, "host": "%s", "venue": "Pohang",
                         "firstDay": "%s", "lastDay": "%s"}""".formatted(members.get(0), today, today)));
                double open = p50(1, 5, i -> commands.post("/api/motions", """
                        {"id": "GROWTH-M%d", "meeting": "GROWTH-GA", "item": 7, "subject": "Growth %d",
                         "procedure": "WRITTEN_BALLOT"}""".formatted(i, i)));
                double rights = p50(20, 200, i -> reader.get("/api/rights/" + members.get(i % members.size())
                        + "?asOf=" + today));
                Point point = new Point(size, seeded, catchUp, caughtUp, raw, payment, open, rights);
                row(point, head);
                return point;
            }
        } finally {
            ledger.drop();
        }
    }

    private static String tag(Size size) {
        return size.label().replace(' ', '-');
    }

    /** The p50 of {@code measured} requests sent one after the other, after {@code warm} not counted. */
    private static double p50(int warm, int measured, java.util.function.IntFunction<HttpRequest> request) {
        Histogram latencies = new Histogram(3);
        int refused = 0;
        for (int i = 0; i < warm + measured; i++) {
            long sent = System.nanoTime();
            Http.Answer answer;
            try {
                answer = Http.send(request.apply(i));
            } catch (IOException e) {
                refused++;
                continue;
            }
            if (!answer.ok()) {
                refused++;
                if (refused == 1) {
                    System.out.println("  refused: " + answer.status() + " " + answer.body());
                }
            } else if (i >= warm) {
                latencies.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
            }
        }
        return latencies.getTotalCount() == 0 ? Double.NaN : Load.millis(latencies.getValueAtPercentile(50));
    }

    private void row(Point p, long head) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("association", p.size().association());
        data.put("events", head);
        data.put("seeded", p.seeded());
        data.put("seedEventsPerSecond", (p.seeded().eventsAfter() - p.seeded().eventsBefore()) / p.seeded().seconds());
        data.put("viewsCaughtUp", p.caughtUp());
        data.put("catchUpSeconds", p.catchUpSeconds());
        data.put("catchUpEventsPerSecond", head / p.catchUpSeconds());
        data.put("rawReadEventsPerSecond", p.rawRead());
        data.put("paymentP50Ms", p.paymentP50());
        data.put("openMotionP50Ms", p.openP50());
        data.put("rightsP50Ms", p.rightsP50());
        String catchUp = p.caughtUp()
                ? "views caught up from the first event in " + Report.ms(p.catchUpSeconds() * 1000) + " ("
                + Report.rate(head / p.catchUpSeconds()) + " events/s)"
                : "views NOT caught up after " + Report.ms(p.catchUpSeconds() * 1000) + " (figures taken while"
                + " they replay)";
        report.add("growth", String.format("%s: %,d events, %s to %s", p.size().association().equals("near")
                        ? "NEAR" : "synthetic association (10× NEAR)", head, p.seeded().from(), p.seeded().to()),
                "dues payment p50 " + Report.ms(p.paymentP50()) + ", opening a motion p50 " + Report.ms(p.openP50())
                        + ", one party's rights p50 " + Report.ms(p.rightsP50()) + " (one client); " + catchUp,
                "ordered raw read: " + Report.rate(p.rawRead()) + " events/s",
                p.caughtUp() ? head / p.catchUpSeconds() / p.rawRead() : null, null, null, data);
    }

    /** A command's and a query's p50 at the largest size against the smallest: flat within 1.5×. */
    private void flatCost(List<Point> points, String association) {
        List<Point> mine = points.stream().filter(p -> p.size().association().equals(association)).toList();
        if (mine.size() < 2) {
            return;
        }
        Point small = mine.get(0);
        Point large = mine.get(mine.size() - 1);
        boolean million = large.size().events() >= 1_000_000 && small.size().events() <= 10_000;
        String span = small.size().label() + " → " + large.size().label();
        String target = "≤ 1.5× (1M against 10k)";
        String ran = million ? "" : "; 1M not run (--sizes=10k,100k,1m)";
        for (Object[] figure : new Object[][] {
                {"a dues payment", small.paymentP50(), large.paymentP50()},
                {"opening a motion", small.openP50(), large.openP50()},
                {"one party's rights", small.rightsP50(), large.rightsP50()}}) {
            double from = (double) figure[1];
            double to = (double) figure[2];
            double ratio = to / from;
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("fromMs", from);
            data.put("toMs", to);
            data.put("ratio", ratio);
            data.put("sizes", span);
            report.add("growth", "flat cost, " + figure[0] + " p50, " + span,
                    Report.ms(from) + " → " + Report.ms(to) + String.format(Locale.ROOT, " (%.2f×)", ratio) + ran,
                    null, null, target, million ? ratio <= 1.5 : null, data);
        }
    }
}
