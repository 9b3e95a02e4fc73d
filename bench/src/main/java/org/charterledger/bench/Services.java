package org.charterledger.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Both service jars as processes on one database, started as an operator starts them: the {@code postgres}
 * profile, the database and the users' passwords from the environment.
 */
final class Services implements AutoCloseable {

    /** The users' passwords of this run; the services refuse to start without them under the postgres profile. */
    record Users(String secretariat, String reader, String auditor) {
    }

    /** Where the jars are and where their logs go. */
    record Setup(Path commandJar, Path queryJar, Path logDir, Users users) {
    }

    final Service commands;
    final Service queries;

    private Services(Service commands, Service queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** Starts the command service (with {@code commandArguments}), then the query service, both healthy. */
    static Services start(Setup setup, Pg db, String label, List<String> commandArguments) {
        Service commands = Service.start(setup, db, "command-service", label, setup.commandJar(), commandArguments);
        try {
            return new Services(commands, Service.start(setup, db, "query-service", label, setup.queryJar(),
                    List.of()));
        } catch (RuntimeException e) {
            commands.close();
            throw e;
        }
    }

    Http secretariat(Users users) {
        return new Http(commands.base(), "secretariat", users.secretariat());
    }

    @Override
    public void close() {
        queries.close();
        commands.close();
    }

    /** One service process. */
    static final class Service implements AutoCloseable {
        final String name;
        final Process process;
        final int port;
        final Path log;

        private Service(String name, Process process, int port, Path log) {
            this.name = name;
            this.process = process;
            this.port = port;
            this.log = log;
        }

        String base() {
            return "http://localhost:" + port;
        }

        static Service start(Setup setup, Pg db, String name, String label, Path jar, List<String> arguments) {
            int port = freePort();
            Path log = setup.logDir().resolve(name + "-" + label + ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port));
            command.addAll(arguments);
            try {
                Files.createDirectories(log.getParent());
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("LEDGER_"));
                builder.environment().putAll(Map.of(
                        "SPRING_PROFILES_ACTIVE", "postgres",
                        "LEDGER_DB_URL", db.url,
                        "LEDGER_DB_USER", db.user,
                        "LEDGER_DB_PASSWORD", db.password,
                        "LEDGER_SECRETARIAT_PASSWORD", setup.users().secretariat(),
                        "LEDGER_READER_PASSWORD", setup.users().reader(),
                        "LEDGER_AUDITOR_PASSWORD", setup.users().auditor()));
                Process process = builder.start();
                // the script stops whatever is left should this run be cut short
                Files.writeString(setup.logDir().resolve("pids"), process.pid() + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                Service service = new Service(name, process, port, log);
                service.awaitHealthy();
                return service;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void awaitHealthy() {
            Http http = new Http(base(), null, null);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited; see " + log);
                }
                try {
                    if (Http.send(http.get("/actuator/health/readiness")).status() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Bench.pause(250);
            }
            close();
            throw new IllegalStateException(name + " not ready after 600 s; see " + log);
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
