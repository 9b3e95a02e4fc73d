package org.charterledger.web.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A service's OpenAPI document as committed ({@value ContractValidation#DOCUMENT}): the live one served at
 * {@code /v3/api-docs} must equal it, so that the contract clients are generated from cannot drift from the service.
 * With {@code -Dopenapi.refresh=true} the committed file is rewritten from the live one instead.
 */
public final class CommittedDocument {

    public static final String REFRESH = "openapi.refresh";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private CommittedDocument() {
    }

    /** Asserts that {@code live} is the committed document (or rewrites that one), and that it is well made. */
    public static void assertCommitted(String live, String module) throws IOException {
        String document = System.getProperty(ContractValidation.DOCUMENT);
        assertThat(document).as("the build names the committed document in -D" + ContractValidation.DOCUMENT).isNotNull();
        Path committed = Path.of(document);
        String expected = canonical(live);
        if (Boolean.getBoolean(REFRESH)) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, expected);
        }
        String actual = Files.exists(committed) ? Files.readString(committed) : "";
        if (!expected.equals(actual)) {
            fail("The OpenAPI document served at /v3/api-docs differs from the committed " + committed.normalize()
                    + " (- committed, + served):\n" + diff(actual, expected)
                    + "\nIf the change is intended, refresh the committed document and commit it:\n"
                    + "  scripts/test.sh -pl " + module + " -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false"
                    + " -Dit.test=OpenApiContractIT -Dfailsafe.failIfNoSpecifiedTests=false -Dopenapi.refresh=true");
        }
        wellMade(JSON.readTree(live));
    }

    /** Every operation has a meaningful id (no {@code _1} of a clash) and states the roles it needs. */
    private static void wellMade(JsonNode document) {
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String where = operation.getKey().toUpperCase() + " " + path.getKey();
            assertThat(operation.getValue().path("operationId").asText()).as(where).matches("[a-z][A-Za-z]+");
            assertThat(operation.getValue().has("x-required-roles")).as(where).isTrue();
            assertThat(operation.getValue().path("responses").properties()).as(where)
                    .anyMatch(response -> response.getKey().startsWith("2"));
        }));
    }

    /** Pretty, keys sorted: a document reads, and compares, the same whatever the order it was written in. */
    private static String canonical(String json) throws IOException {
        JsonNode tree = JSON.readTree(json);
        return JSON.writeValueAsString(JSON.treeToValue(sorted(tree), Object.class)) + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(field -> fields.put(field.getKey(), sorted(field.getValue())));
            ObjectNode copy = JSON.createObjectNode();
            copy.setAll(fields);
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return node;
    }

    /**
     * The lines that differ, with three of context: enough to see what changed and where. The lines alike at both
     * ends are set aside first, so that only the changed middle is compared line by line.
     */
    static String diff(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<String> oldMiddle = a.subList(head, a.size() - tail);
        List<String> newMiddle = b.subList(head, b.size() - tail);
        StringBuilder shown = new StringBuilder("@@ line " + (head + 1) + "\n");
        a.subList(Math.max(0, head - 3), head).forEach(line -> shown.append("  ").append(line).append('\n'));
        if ((long) oldMiddle.size() * newMiddle.size() > 4_000_000L) {
            oldMiddle.forEach(line -> shown.append("- ").append(line).append('\n'));
            newMiddle.forEach(line -> shown.append("+ ").append(line).append('\n'));
        } else {
            middle(oldMiddle, newMiddle, shown);
        }
        a.subList(a.size() - tail, Math.min(a.size(), a.size() - tail + 3))
                .forEach(line -> shown.append("  ").append(line).append('\n'));
        return shown.toString();
    }

    /** A line-by-line difference of two short lists (the longest common subsequence kept). */
    private static void middle(List<String> a, List<String> b, StringBuilder shown) {
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                shown.append("  ").append(a.get(i++)).append('\n');
                j++;
            } else if (j < b.size() && (i == a.size() || common[i][j + 1] >= common[i + 1][j])) {
                shown.append("+ ").append(b.get(j++)).append('\n');
            } else {
                shown.append("- ").append(a.get(i++)).append('\n');
            }
        }
    }
}
