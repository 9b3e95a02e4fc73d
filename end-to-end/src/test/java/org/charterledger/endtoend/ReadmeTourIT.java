package org.charterledger.endtoend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's tour, run as a reader runs it: its shell blocks in order, in one bash, with curl and jq, against
 * the demo (both jars on the embedded database with NEAR's register and anonymous reads, as scripts/run-demo.sh
 * starts them). Each {@code # → …} line is what the commands since the previous one print ({@code …} stands for
 * anything, spacing is loose); a command with no such line must at least not answer a problem. A tour that no longer
 * matches what the ledger answers fails here.
 */
class ReadmeTourIT {

    private static final String IMPORT = "--ledger.import.reference-data=classpath:reference/near-2021.yaml";
    private static final String EXPECTED = "# →";
    private static final String MARK = "@@@tour-segment-end";

    @TempDir
    Path data;

    /** Commands of the tour and what they print, up to the next {@code # →} line or the block's end. */
    record Segment(String commands, String expected) {
    }

    @Test
    void theTourPrintsWhatTheReadmeShows() throws Exception {
        assertJqIsInstalled();
        List<Segment> tour = segments(tour(Files.readString(Path.of(System.getProperty("readme")))));
        assertThat(tour).as("the tour's commands").hasSizeGreaterThan(20);
        assertThat(tour.stream().filter(s -> s.expected() != null)).as("the outputs it shows").hasSizeGreaterThan(15);

        String dataDir = "--ledger.data-dir=" + data;
        try (ServiceProcess commands = ServiceProcess.start("commandService", Map.of(), dataDir, IMPORT);
             ServiceProcess queries = ServiceProcess.start("queryService", Map.of(), dataDir,
                     "--ledger.security.anonymous-reads=true")) {
            StringBuilder script = new StringBuilder();
            for (Segment segment : tour) {
                script.append(segment.commands()).append("\nprintf '\\n").append(MARK).append("\\n'\n");
            }
            String ported = script.toString()
                    .replace("http://localhost:8081", "http://localhost:" + commands.port)
                    .replace("http://localhost:8082", "http://localhost:" + queries.port);
            List<String> outputs = run(ported);

            List<String> mismatches = new ArrayList<>();
            for (int i = 0; i < tour.size(); i++) {
                Segment segment = tour.get(i);
                String output = i < outputs.size() ? outputs.get(i) : "<the tour stopped before this>";
                boolean shown = segment.expected() == null
                        ? !output.contains("urn:charter-ledger:problem:")
                        : matches(segment.expected(), output);
                if (!shown) {
                    mismatches.add(segment.commands().strip() + "\n    README: "
                            + (segment.expected() == null ? "(no problem answered)" : segment.expected())
                            + "\n    ledger: " + loose(output));
                }
            }
            assertThat(mismatches).as("tour commands whose output differs from the README").isEmpty();
        }
    }

    /** The section "A tour of the API": its {@code sh} blocks, in order. */
    static List<String> tour(String readme) {
        int start = readme.indexOf("\n## A tour of the API");
        assertThat(start).as("README has its tour").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> blocks = new ArrayList<>();
        Matcher block = Pattern.compile("(?ms)^```sh\\n(.*?)^```").matcher(section);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    static List<Segment> segments(List<String> blocks) {
        List<Segment> segments = new ArrayList<>();
        for (String block : blocks) {
            StringBuilder commands = new StringBuilder();
            List<String> expected = new ArrayList<>();
            for (String line : block.split("\n")) {
                if (line.startsWith(EXPECTED)) {
                    expected.add(line.substring(EXPECTED.length()).strip());
                    continue;
                }
                if (!expected.isEmpty()) {
                    segments.add(new Segment(commands.toString(), String.join(" ", expected)));
                    commands.setLength(0);
                    expected.clear();
                }
                commands.append(line).append('\n');
            }
            if (!expected.isEmpty()) {
                segments.add(new Segment(commands.toString(), String.join(" ", expected)));
            } else if (!commands.toString().isBlank()) {
                segments.add(new Segment(commands.toString(), null));
            }
        }
        return segments;
    }

    /** Whether the output is what the README shows: {@code …} for anything, any run of spaces for any other. */
    static boolean matches(String expected, String output) {
        String pattern = Arrays.stream(loose(expected).split("\\s*…\\s*", -1)).map(Pattern::quote)
                .collect(Collectors.joining(".*?"));
        return Pattern.compile(pattern, Pattern.DOTALL).matcher(loose(output)).matches();
    }

    private static String loose(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** Runs the tour in one bash, as a reader pastes it: what each segment printed, in order. */
    private List<String> run(String script) throws IOException, InterruptedException {
        Path stdout = data.resolve("tour.out");
        Path stderr = data.resolve("tour.err");
        Process bash = new ProcessBuilder("bash", "-c", script)
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!bash.waitFor(5, TimeUnit.MINUTES)) {
            bash.destroyForcibly();
            throw new AssertionError("the tour did not end within 5 minutes; it printed: " + Files.readString(stdout));
        }
        assertThat(Files.readString(stderr)).as("what the tour wrote to stderr").isEmpty();
        return List.of(Files.readString(stdout).split("\\n" + MARK + "\\n", -1));
    }

    /** The tour pipes answers through jq, as a reader would (scripts/test.sh installs it where it is missing). */
    private static void assertJqIsInstalled() throws IOException, InterruptedException {
        Process jq = new ProcessBuilder("jq", "--version").redirectErrorStream(true).start();
        jq.getInputStream().readAllBytes();
        assertThat(jq.waitFor()).as("jq on the PATH (scripts/test.sh installs it from Debian's packages)").isZero();
    }
}
