package org.charterledger.endtoend;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** One service jar running as its own process, as an operator would start it; its output goes to a log file. */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    final int port;
    final Http http;
    /** Where the process writes its output: its log. */
    final Path log;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.http = new Http("http://localhost:" + port);
    }

    static ServiceProcess start(String name, Map<String, String> environment, String... arguments) {
        return start(name, environment, List.of(arguments));
    }

    static ServiceProcess start(String name, Map<String, String> environment, List<String> arguments) {
        int port = freePort();
        Path jar = Path.of(System.getProperty(name + "Jar"));
        Path log = Path.of(System.getProperty("logDirectory")).resolve(name + "-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", jar.toString(), "--server.port=" + port));
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("LEDGER_"));
            builder.environment().putAll(environment);
            ServiceProcess service = new ServiceProcess(name, builder.start(), port, log);
            try {
                service.awaitHealthy(log.toFile());
            } catch (RuntimeException notHealthy) {
                service.kill(); // a process that never became healthy is not left running after the test
                throw notHealthy;
            }
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy(File log) {
        await(name + " healthy on port " + port + " (log: " + log + ")")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .failFast(name + " exited", () -> !process.isAlive())
                .until(() -> http.get("/actuator/health", null).status() == 200);
    }

    long pid() {
        return process.pid();
    }

    /** Ends the process at once, as a crash would: no shutdown hooks, no graceful stop. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
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
