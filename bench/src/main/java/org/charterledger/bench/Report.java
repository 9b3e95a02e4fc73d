package org.charterledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one run: a table on the terminal (Markdown, to paste as it is) and the same as JSON. */
final class Report {

    /**
     * One line: the figure, what was measured, its raw-PostgreSQL anchor from the same run, measured / anchor,
     * the target of issue 9 and whether it is met ({@code null} where a line has no target). {@code data} holds
     * the numbers behind the text.
     */
    record Row(String section, String figure, String measured, String anchor, Double ratio, String target,
               String verdict, Map<String, Object> data) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> run = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    void about(String key, Object value) {
        run.put(key, value);
    }

    void note(String note) {
        notes.add(note);
        System.out.println("  note: " + note);
    }

    Row add(String section, String figure, String measured, String anchor, Double ratio, String target,
            Boolean pass, Map<String, Object> data) {
        Row row = new Row(section, figure, measured, anchor, ratio, target,
                pass == null ? null : pass ? "PASS" : "FAIL", data);
        rows.add(row);
        System.out.printf("  %-60s %s%s%n", figure, measured,
                row.verdict() == null ? "" : "  [" + row.verdict() + "]");
        return row;
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append("Run of ").append(run.get("startedAt")).append(" on commit ").append(run.get("commit")).append(": ")
                .append(run.get("cores")).append(" cores (").append(run.get("cpu")).append("), ")
                .append(run.get("memory")).append(", ").append(run.get("postgresql").toString().replaceAll(" on .*", ""))
                .append("; load average at the start ").append(run.get("loadAverageAtStart").toString()
                        .replaceAll("^(\\S+ \\S+ \\S+).*", "$1")).append(".\n\n");
        out.append("| figure | measured | raw PostgreSQL, same run | ratio | target | |\n");
        out.append("|---|---|---|---|---|---|\n");
        String section = null;
        for (Row row : rows) {
            if (!row.section().equals(section)) {
                section = row.section();
                out.append("| **").append(section).append("** | | | | | |\n");
            }
            out.append("| ").append(row.figure()).append(" | ").append(row.measured()).append(" | ")
                    .append(row.anchor() == null ? "" : row.anchor()).append(" | ")
                    .append(row.ratio() == null ? "" : percent(row.ratio())).append(" | ")
                    .append(row.target() == null ? "" : row.target()).append(" | ")
                    .append(row.verdict() == null ? "" : row.verdict()).append(" |\n");
        }
        long pass = rows.stream().filter(r -> "PASS".equals(r.verdict())).count();
        long fail = rows.stream().filter(r -> "FAIL".equals(r.verdict())).count();
        out.append("\nTargets met: ").append(pass).append(" of ").append(pass + fail).append(".\n");
        for (String note : notes) {
            out.append("\n- ").append(note);
        }
        if (!notes.isEmpty()) {
            out.append('\n');
        }
        return out.toString();
    }

    void write(Path directory) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run", run);
        json.put("figures", rows);
        json.put("notes", notes);
        try {
            Files.createDirectories(directory);
            String stamp = String.valueOf(run.getOrDefault("startedAt", "run")).replaceAll("[^0-9T]", "");
            ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .enable(SerializationFeature.INDENT_OUTPUT);
            mapper.writeValue(directory.resolve("bench-" + stamp + ".json").toFile(), json);
            mapper.writeValue(directory.resolve("latest.json").toFile(), json);
            Files.writeString(directory.resolve("latest.md"), table());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String percent(double ratio) {
        if (ratio >= 10) {
            return String.format(Locale.ROOT, "%.0f×", ratio);
        }
        if (ratio >= 0.1 || ratio == 0) {
            return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
        }
        return String.format(Locale.ROOT, "%.2f %%", ratio * 100);
    }

    static String rate(double perSecond) {
        return perSecond >= 100 ? String.format(Locale.ROOT, "%,.0f", perSecond)
                : String.format(Locale.ROOT, "%.1f", perSecond);
    }

    static String ms(double millis) {
        if (millis >= 1000) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1000);
        }
        return millis >= 10 ? String.format(Locale.ROOT, "%.0f ms", millis)
                : String.format(Locale.ROOT, "%.1f ms", millis);
    }
}
