package org.charterledger.endtoend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The checkers ReadmeTourIT and OperationsIT rely on, so that a check that passes checks something. */
class TourAndDashboardCheckersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"id\":\"A\",\"position\":285}   | {\"id\":\"A\",\"position\":285} | true",
            "{\"id\":\"A\",\"position\":285}   | {\"id\":\"A\",\"position\":286} | false",
            "{\"id\":\"…\",\"position\":286}   | {\"id\":\"6c0e-41\",\"position\":286} | true",
            "HTTP/1.1 200 … Ledger-Position: 285 … {\"id\":\"A\",…} | HTTP/1.1 200 ⏎X: y⏎Ledger-Position: 285⏎⏎{\"id\":\"A\",\"b\":1} | true",
            "HTTP/1.1 200 … Ledger-Position: 285 …                 | HTTP/1.1 503 ⏎Ledger-Position: 285⏎ | false",
            "16                                | 160 | false",
            "KIM Okchae                        | KIM   Okchae⏎ | true",
    })
    void anOutputMatchesWhatTheReadmeShowsOnly(String shown, String printed, boolean matches) {
        // ⏎ for a line break as a server sends it (a CSV row cannot hold one)
        assertThat(ReadmeTourIT.matches(shown, printed.replace("⏎", "\r\n"))).isEqualTo(matches);
    }

    @Test
    void aBlockIsCutAfterEachOutputItShows() {
        List<ReadmeTourIT.Segment> segments = ReadmeTourIT.segments(List.of("""
                R=$(curl -s -d '{"a": 1,
                     "b": 2}' http://x)
                echo "$R"
                # → {"id":"…",
                # →  "position":1}
                curl -s http://y   # a comment, not an output
                """));

        assertThat(segments).containsExactly(
                new ReadmeTourIT.Segment("R=$(curl -s -d '{\"a\": 1,\n     \"b\": 2}' http://x)\necho \"$R\"\n",
                        "{\"id\":\"…\", \"position\":1}"),
                new ReadmeTourIT.Segment("curl -s http://y   # a comment, not an output\n", null));
    }

    @Test
    void theTourIsTheSectionsShellBlocks() {
        String readme = """
                ## Set up
                ```sh
                scripts/run-demo.sh
                ```
                ## A tour of the API
                ```sh
                curl -s http://localhost:8082/api/members
                ```
                ```http
                GET /x
                ```
                ## Layout
                ```sh
                ls
                ```
                """;

        assertThat(ReadmeTourIT.tour(readme)).containsExactly("curl -s http://localhost:8082/api/members\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sum by (type, outcome) (rate(ledger_commands_seconds_count{application=\"command-service\"}[$__rate_interval])) | ledger_commands_seconds_count",
            "histogram_quantile(0.99, sum by (le, type) (rate(ledger_commands_seconds_bucket[5m])))                     | ledger_commands_seconds_bucket",
            "max by (instance) (ledger_projection_lag_events)                                                          | ledger_projection_lag_events",
            "sum without (pool) (hikaricp_connections_active) / on (application) hikaricp_connections_max               | hikaricp_connections_active hikaricp_connections_max",
    })
    void aDashboardQueryReadsTheMetricsItNames(String expression, String metrics) {
        assertThat(OperationsIT.metricsIn(expression)).containsExactly(metrics.split(" "));
    }
}
