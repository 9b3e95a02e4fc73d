package org.charterledger.bench;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One PostgreSQL database of the benchmark, and the raw-PostgreSQL anchors measured on its server. */
final class Pg {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*");
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    final String url;
    final String user;
    final String password;
    final String host;
    final String port;
    final String name;
    /** The database this one was created beside, or {@code null} for the script's own. */
    private final String parentUrl;

    Pg(String url, String user, String password) {
        this(url, user, password, null);
    }

    private Pg(String url, String user, String password, String parentUrl) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
        }
        this.url = url;
        this.user = user;
        this.password = password;
        this.host = m.group(1);
        this.port = m.group(2) == null ? "5432" : m.group(2);
        this.name = m.group(3);
        this.parentUrl = parentUrl;
    }

    /** A database beside this one on the same server, named after it so that the script's clean-up drops it. */
    Pg sibling(String suffix) {
        return new Pg(url.replaceFirst("/" + name, "/" + name + "_" + suffix), user, password, url);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    void create() {
        drop();
        onServer("CREATE DATABASE " + name);
    }

    /**
     * Drops the database, ending its sessions. An autovacuum worker is the server's own session, which the bench's
     * role may not end (42501): after pgbench filled a database, one may still be at work there, so the drop is
     * tried again until it finishes (a minute at most).
     */
    void drop() {
        String sql = "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)";
        for (int attempt = 1; ; attempt++) {
            try {
                onServer(sql);
                return;
            } catch (IllegalStateException e) {
                boolean autovacuum = e.getCause() instanceof SQLException sqlError
                        && "42501".equals(sqlError.getSQLState());
                if (!autovacuum || attempt == 60) {
                    throw e;
                }
                Bench.pause(1000);
            }
        }
    }

    /** Runs a statement connected to the database this one was created beside. */
    private void onServer(String sql) {
        try (Connection c = DriverManager.getConnection(parentUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    long count(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    List<Long> longs(String sql) {
        List<Long> values = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    String text(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Connections the server can still take, leaving room for the services' pools and other users. */
    int freeConnections(int reserve) {
        long max = count("SELECT setting::int FROM pg_settings WHERE name = 'max_connections'");
        long used = count("SELECT count(*) FROM pg_stat_activity");
        return (int) Math.max(1, max - used - reserve);
    }

    /** What pgbench measured: transactions per second, their mean latency, with how many clients. */
    record Pgbench(int clients, double tps, double latencyMs, String command) {
    }

    /** Fills this database with pgbench's tables at {@code scale} (100,000 accounts a unit). */
    void pgbenchInit(int scale, Path logDir) {
        run(List.of("pgbench", "-h", host, "-p", port, "-U", user, "-i", "-q", "-s", Integer.toString(scale), name),
                logDir.resolve("pgbench-init.log"));
    }

    /** Runs pgbench against this database and reads its rate. */
    Pgbench pgbench(int clients, int seconds, Path logDir, String label, String... arguments) {
        List<String> command = new ArrayList<>(List.of("pgbench", "-h", host, "-p", port, "-U", user,
                "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)),
                "-T", Integer.toString(seconds)));
        command.addAll(List.of(arguments));
        command.add(name);
        String output = run(command, logDir.resolve("pgbench-" + label + ".log"));
        Matcher tps = TPS.matcher(output);
        Matcher latency = LATENCY.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench gave no rate; see " + logDir.resolve("pgbench-" + label + ".log"));
        }
        return new Pgbench(clients, Double.parseDouble(tps.group(1)),
                latency.find() ? Double.parseDouble(latency.group(1)) : Double.NaN, String.join(" ", command));
    }

    String run(List<String> command, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("PGPASSWORD", password);
            Process process = builder.start();
            int exit = process.waitFor();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The ordered raw read of the event table, as a replay reads it: every column of every event in ledger order,
     * sent by the server and thrown away by the client. Best of three, in events per second.
     */
    double orderedRawRead() {
        long events = count("SELECT count(*) FROM ledger.domain_event_entry");
        double best = 0;
        try (Connection c = connect()) {
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                c.unwrap(PGConnection.class).getCopyAPI().copyOut("""
                        COPY (SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type,
                                     time_stamp, payload_type, payload_revision, payload, meta_data
                              FROM ledger.domain_event_entry ORDER BY global_index) TO STDOUT""",
                        OutputStream.nullOutputStream());
                best = Math.max(best, events / ((System.nanoTime() - start) / 1e9));
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("the ordered raw read failed", e);
        }
        return best;
    }
}
