package org.charterledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The benchmark behind {@code scripts/bench.sh}. {@code run} starts both service jars on the database it is given
 * (NEAR's register imported), measures every figure of issue 9 beside its raw-PostgreSQL anchor, then the growth
 * sizes, each on a seeded ledger of its own; {@code seed} only seeds a ledger. Options are {@code --name=value};
 * the database password comes from {@code BENCH_DB_PASSWORD}.
 */
public final class Bench {

    /** What to run and for how long. */
    record Options(Path out, Path logDir, Services.Setup setup, Services.Users users, Duration warmUp,
                   Duration window, Duration readWindow, int anchorSeconds, int samples, int voteMotions,
                   int readConnections, Duration rebuildTimeout, Duration catchUpTimeout, List<Growth.Size> sizes,
                   Set<String> parts) {
    }

    public static void main(String[] args) {
        Map<String, String> o = new HashMap<>();
        String mode = args.length > 0 && !args[0].startsWith("--") ? args[0] : "run";
        for (String arg : args) {
            if (arg.startsWith("--")) {
                String[] kv = arg.substring(2).split("=", 2);
                o.put(kv[0], kv.length > 1 ? kv[1] : "true");
            }
        }
        Pg db = new Pg(required(o, "db-url"), required(o, "db-user"), System.getenv("BENCH_DB_PASSWORD"));
        if (mode.equals("seed")) {
            Growth.Size size = Growth.Size.parse(o.getOrDefault("events", "near:10k"));
            System.out.println(new Seeder(db, size.association(), size.events(), 42).run().describe());
            return;
        }
        Path out = Path.of(o.getOrDefault("out", "target/bench"));
        Services.Users users = new Services.Users(secret(), secret(), secret());
        Options options = new Options(out, out.resolve("logs"),
                new Services.Setup(Path.of(required(o, "command-jar")), Path.of(required(o, "query-jar")),
                        out.resolve("logs"), users),
                users,
                Duration.ofSeconds(seconds(o, "warm-up", 3)),
                Duration.ofSeconds(seconds(o, "seconds", 15)),
                Duration.ofSeconds(seconds(o, "read-seconds", 10)),
                seconds(o, "anchor-seconds", 10),
                seconds(o, "samples", 100),
                seconds(o, "vote-motions", 20),
                seconds(o, "read-connections", 200),
                Duration.ofSeconds(seconds(o, "rebuild-timeout", 180)),
                Duration.ofSeconds(seconds(o, "catch-up-timeout", 240)),
                Arrays.stream(o.getOrDefault("sizes", "10k,100k").split(",")).filter(s -> !s.isBlank())
                        .map(Growth.Size::parse).toList(),
                Set.of(o.getOrDefault("parts", "writes,read-your-write,assembly,reads,rebuild,growth").split(",")));
        new Bench().run(options, db);
    }

    private void run(Options options, Pg db) {
        Report report = new Report();
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        about(report, db, started, options);
        Set<String> parts = options.parts();
        if (parts.stream().anyMatch(p -> !p.equals("growth") && !p.equals("proofs"))) {
            System.out.println("Starting both services on " + db.name + " with NEAR's register imported");
            try (Services services = Services.start(options.setup(), db, "figures", List.of(
                    "--ledger.import.reference-data=classpath:reference/near-2021.yaml"))) {
                Figures figures = new Figures(options, db, services, report);
                if (parts.contains("writes")) {
                    System.out.println("writes: dues payments and votes at 8 and 64 connections, pgbench appends");
                    figures.writes();
                }
                if (parts.contains("read-your-write")) {
                    awaitViews(figures, services, options);
                    System.out.println("read-your-write and commit-to-visible in every view");
                    figures.readYourWrite();
                    figures.commitToVisible();
                }
                if (parts.contains("assembly")) {
                    awaitViews(figures, services, options);
                    System.out.println("assembly: 78 delegates vote at once");
                    figures.assembly();
                }
                if (parts.contains("reads")) {
                    awaitViews(figures, services, options);
                    System.out.println("reads: " + options.readConnections() + " connections, pgbench -S");
                    figures.reads();
                }
                if (parts.contains("rebuild")) {
                    awaitViews(figures, services, options);
                    System.out.println("rebuild: every view from the first event, ordered raw read");
                    figures.rebuild();
                }
            }
        }
        if (parts.contains("growth") && !options.sizes().isEmpty()) {
            new Growth(options, db, report).run(options.sizes());
        }
        if (parts.contains("proofs") && !options.sizes().isEmpty()) {
            new Proofs(options, db, report).run(options.sizes());
        }
        report.about("finishedAt", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
        report.about("minutes", Math.round(Duration.between(started, OffsetDateTime.now(ZoneOffset.UTC)).toSeconds()
                / 6.0) / 10.0);
        report.write(options.out());
        System.out.println();
        System.out.println(report.table());
        System.out.println("JSON: " + options.out().resolve("latest.json") + " (and a copy named after this run)");
    }

    /** Waits until every view reflects the ledger's last event, so that one figure's backlog does not skew the next. */
    private static void awaitViews(Figures figures, Services services, Options options) {
        long head = figures.head();
        Http reader = new Http(services.queries.base(), "reader", options.users().reader());
        long deadline = System.nanoTime() + options.catchUpTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (Http.send(reader.get("/api/offices/chair")).position() >= head) {
                    return;
                }
            } catch (IOException notYet) {
                // keep asking
            }
            pause(200);
        }
        System.out.println("  note: the views had not caught up after " + options.catchUpTimeout().toSeconds() + " s");
    }

    private static void about(Report report, Pg db, OffsetDateTime started, Options options) {
        report.about("startedAt", started.toString());
        report.about("cores", Runtime.getRuntime().availableProcessors());
        report.about("cpu", firstLine("/proc/cpuinfo", "model name"));
        report.about("memory", firstLine("/proc/meminfo", "MemTotal"));
        report.about("loadAverageAtStart", firstLine("/proc/loadavg", ""));
        report.about("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        report.about("postgresql", db.text("SELECT version()"));
        report.about("commit", System.getenv().getOrDefault("BENCH_COMMIT", "unknown"));
        report.about("windowSeconds", options.window().toSeconds());
        report.about("readWindowSeconds", options.readWindow().toSeconds());
        report.about("sizes", options.sizes().stream().map(Growth.Size::label).collect(Collectors.toList()));
        System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + firstLine("/proc/meminfo", "MemTotal") + ", load average " + firstLine("/proc/loadavg", ""));
    }

    private static String firstLine(String file, String prefix) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(prefix)).findFirst()
                    .map(l -> l.contains(":") ? l.substring(l.indexOf(':') + 1).strip() : l.strip()).orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + "= is required");
        }
        return value;
    }

    private static int seconds(Map<String, String> options, String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
    }

    private static String secret() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
