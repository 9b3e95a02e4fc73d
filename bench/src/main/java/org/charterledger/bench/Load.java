package org.charterledger.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A closed loop of {@code connections} clients, each sending its next request as soon as the last one answered,
 * for a warm-up and then a measured window. The rate counts the answers that came in the window; the latencies
 * are those of every answer after the warm-up, including the requests under way when the window closed; the
 * status counts cover every request sent, so that they can be compared with what the ledger stored.
 */
final class Load {

    private Load() {
    }

    /** What a run gave: answers by class, over all requests and in the measured window. */
    record Result(int connections, double seconds, long ok, long clientErrors, long serverErrors, long failed,
                  long windowOk, long windowAll, long over10s, Histogram latencies, boolean exhausted) {

        double okPerSecond() {
            return windowOk / seconds;
        }

        double answersPerSecond() {
            return windowAll / seconds;
        }

        double p50() {
            return millis(latencies.getValueAtPercentile(50));
        }

        double p99() {
            return millis(latencies.getValueAtPercentile(99));
        }

        long all() {
            return ok + clientErrors + serverErrors + failed;
        }

        String counts() {
            return ok + " 2xx, " + clientErrors + " 4xx, " + serverErrors + " 5xx"
                    + (failed > 0 ? ", " + failed + " failed" : "");
        }
    }

    static double millis(long micros) {
        return micros / 1000.0;
    }

    /**
     * Runs the loop. {@code next} gives each client its next request, or {@code null} when there is no more work
     * (the run then ends early, and its window is as long as it lasted).
     */
    static Result run(int connections, Duration warmUp, Duration window, Supplier<HttpRequest> next) {
        long start = System.nanoTime();
        long windowStart = start + warmUp.toNanos();
        long end = windowStart + window.toNanos();
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Client client = new Client(next, windowStart, end);
            client.thread = new Thread(client, "load-" + i);
            clients.add(client);
        }
        clients.forEach(c -> c.thread.start());
        Histogram latencies = new Histogram(3);
        long ok = 0, client4 = 0, server5 = 0, failed = 0, windowOk = 0, windowAll = 0, over10s = 0;
        long lastAnswer = windowStart;
        boolean exhausted = false;
        for (Client client : clients) {
            try {
                client.thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            latencies.add(client.latencies);
            ok += client.ok;
            client4 += client.clientErrors;
            server5 += client.serverErrors;
            failed += client.failed;
            windowOk += client.windowOk;
            windowAll += client.windowAll;
            over10s += client.over10s;
            lastAnswer = Math.max(lastAnswer, client.lastAnswer);
            exhausted |= client.exhausted;
        }
        // A run that ran out of work measures up to its last answer, not to the planned end.
        double seconds = (Math.min(end, Math.max(lastAnswer, windowStart + 1)) - windowStart) / 1e9;
        return new Result(connections, seconds, ok, client4, server5, failed, windowOk, windowAll, over10s,
                latencies, exhausted);
    }

    private static final class Client implements Runnable {
        private final Supplier<HttpRequest> next;
        private final long windowStart;
        private final long end;
        private final Histogram latencies = new Histogram(3);
        private Thread thread;
        private long ok, clientErrors, serverErrors, failed, windowOk, windowAll, over10s, lastAnswer;
        private boolean exhausted;

        Client(Supplier<HttpRequest> next, long windowStart, long end) {
            this.next = next;
            this.windowStart = windowStart;
            this.end = end;
        }

        @Override
        public void run() {
            while (System.nanoTime() < end) {
                HttpRequest request = next.get();
                if (request == null) {
                    exhausted = true;
                    return;
                }
                long sent = System.nanoTime();
                int status;
                try {
                    status = Http.send(request).status();
                } catch (IOException e) {
                    status = -1;
                }
                long answered = System.nanoTime();
                switch (status / 100) {
                    case 2 -> ok++;
                    case 4 -> clientErrors++;
                    case 5 -> serverErrors++;
                    default -> failed++;
                }
                if (answered >= windowStart) {
                    // every answer after the warm-up counts for the latencies, however late it came (a client
                    // finishes the request it has under way when the window closes); a failure counts as its wait
                    long micros = Math.max(1, (answered - sent) / 1000);
                    latencies.recordValue(micros);
                    if (micros > 10_000_000) {
                        over10s++;
                    }
                }
                if (answered >= windowStart && answered <= end) {
                    windowAll++;
                    if (status / 100 == 2) {
                        windowOk++;
                    }
                    lastAnswer = answered;
                }
            }
        }
    }
}
