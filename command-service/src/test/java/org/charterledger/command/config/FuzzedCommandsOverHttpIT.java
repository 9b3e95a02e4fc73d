package org.charterledger.command.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.charterledger.command.OwnLedgerIT;
import org.charterledger.web.RequestLimits;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded, bounded fuzz of every command on NEAR's register: up to 3,000 generated requests within a minute, each a
 * valid body or one mutated in a field (junk values, wrong types, implausible dates, control characters, huge
 * amounts), in its syntax (a repeated field, text after the body, a truncated body) or in its encoding and media
 * type. None may answer 5xx; every 4xx is a problem+json, naming the field when it is about one; the record grows
 * only for an accepted request, and everything stored stays readable.
 */
@TestPropertySource(properties = OwnLedgerIT.NEAR)
class FuzzedCommandsOverHttpIT extends OwnLedgerIT {

    /** Valid bodies, one per endpoint; {id} is filled with a fresh id, {pay} with a payment's. */
    private static final Map<String, String> COMMANDS = Map.ofEntries(
            Map.entry("/api/members", """
                    {"id": "KR-{id}", "country": "KR", "name": "Fuzz", "localName": "퍼즈", "category": "OBSERVER",
                     "admittedOn": "2021-01-01", "basis": "OPENING_BALANCE"}"""),
            Map.entry("/api/members/KR-ULSAN/dues-payments", """
                    {"fiscalYear": 2021, "paid": {"amount": "1180000", "currency": "KRW"},
                     "credited": {"amount": "1000.00", "currency": "USD"}, "paidOn": "2021-03-02", "reference": "KEB"}"""),
            Map.entry("/api/dues-payments/{pay}/reversal", """
                    {"reversedOn": "2021-03-09", "reason": "returned"}"""),
            Map.entry("/api/members/RU-TYVA/withdrawal", """
                    {"withdrewOn": "2022-04-01", "reference": "letter"}"""),
            Map.entry("/api/meetings", """
                    {"id": "EC{id}", "body": "EC", "ordinal": 1, "host": "KR-ULSAN", "venue": "Ulsan",
                     "firstDay": "2021-09-01", "lastDay": "2021-09-02"}"""),
            Map.entry("/api/meetings/ECFUZZ/attendance", """
                    {"present": ["KR-ULSAN", "KR-GYEONGBUK", "RU-SAKHA"]}"""),
            Map.entry("/api/motions", """
                    {"id": "ECFUZZ-{id}", "meeting": "ECFUZZ", "item": 7, "subject": "accounts", "procedure": "SITTING"}"""),
            Map.entry("/api/motions/ECFUZZ-M1/votes", """
                    {"member": "KR-ULSAN", "choice": "YES", "castOn": "2021-09-01"}"""),
            Map.entry("/api/motions/ECFUZZ-M1/ballots", """
                    {"ballots": [{"member": "KR-GYEONGBUK", "choice": "NO", "castOn": "2021-09-01"}]}"""),
            Map.entry("/api/motions/ECFUZZ-M1/closure", """
                    {"decidedOn": "2021-09-02"}"""),
            Map.entry("/api/offices/chair/acting", """
                    {"deputy": "First Deputy", "from": "2022-01-03", "reason": "abroad"}"""),
            Map.entry("/api/offices/chair/acting/end", """
                    {"on": "2022-01-10"}"""),
            Map.entry("/api/offices/secretary-general", """
                    {"name": "LEE", "proposedBy": "KR-GYEONGBUK", "appointedBy": "KR-ULSAN", "from": "2022-01-03"}"""),
            Map.entry("/api/offices/secretary-general/end", """
                    {"on": "2022-01-02"}"""),
            Map.entry("/api/subcommittees", """
                    {"number": 90, "name": "Fuzz", "field": "testing", "founded": "2021-01-01", "decidedBy": "EC"}"""),
            Map.entry("/api/subcommittees/2/coordinators", """
                    {"coordinators": ["KR-ULSAN"], "start": "2022-01-01", "decidedBy": "EC"}"""),
            Map.entry("/api/subcommittees/2/coordinators/renewal", """
                    {"decidedBy": "EC"}"""),
            Map.entry("/api/subcommittees/2/activities", """
                    {"ordinal": 3, "firstDay": "2021-05-01", "lastDay": "2021-05-02", "host": "KR-ULSAN", "form": "online"}"""),
            Map.entry("/api/subcommittees/90/abolition", """
                    {"on": "2022-01-01", "decidedBy": "EC"}"""));

    private static final List<String> JUNK = List.of("null", "0", "-1", "1.5", "1e400", "true", "false", "\"\"",
            "\" \"", "[]", "{}", "[null]", "\"0\"", "\"\\u0000\"", "\"a\\u0000b\"", "\"a\\nb\"", "\"\\ud800\"",
            "\"" + "x".repeat(1001) + "\"", "\"" + "x".repeat(201) + "\"", "\"9999-12-31\"", "\"-999999999-01-01\"",
            "\"+999999999-12-31\"", "\"0000-01-01\"", "\"1989-12-31\"", "\"2201-01-01\"", "\"2021-02-30\"",
            "\"2021-1-1\"", "\"1000000000000000\"", "\"1E+2000\"", "1E+999999999", "\"-5\"", "\"0.0001\"",
            "\"XX-NOWHERE\"", "\"JP-MIYAGI\"", "\"CHAIR\"", "\"SC-2\"", "\"GA13-M2\"", "\"KR-ULSAN\"", "\"kr-ulsan\"",
            "\"MEMBER\"", "\"member\"", "\"YES\"", "\"OPENING_BALANCE\"", "\"EC\"", "2147483648", "99999999999999999999",
            "2021", "9999", "\"2021\"", "{\"amount\": \"1\", \"currency\": \"XXX\"}",
            "{\"amount\": \"1.001\", \"currency\": \"USD\"}", "{\"type\": \"ADMIT\"}", "{\"type\": \"NOPE\"}");

    @Test
    void fuzzedCommandsNeverFailTheServerNorAppendJunk() throws Exception {
        Random random = new Random(1414);
        List<String> paths = new ArrayList<>(COMMANDS.keySet());
        paths.sort(String::compareTo);
        List<String> payments = new ArrayList<>();
        post("/api/meetings", MediaType.APPLICATION_JSON_VALUE, COMMANDS.get("/api/meetings").replace("EC{id}", "ECFUZZ")
                .getBytes(StandardCharsets.UTF_8));
        post("/api/motions", MediaType.APPLICATION_JSON_VALUE, COMMANDS.get("/api/motions")
                .replace("ECFUZZ-{id}", "ECFUZZ-M1").getBytes(StandardCharsets.UTF_8));
        // the same seeded sequence every run; the deadline only cuts it short on a machine too busy to finish it
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        int sent = 0;
        int accepted = 0;
        for (; sent < 3000 && Instant.now().isBefore(deadline); sent++) {
            String template = paths.get(random.nextInt(paths.size()));
            String id = "F" + Integer.toString(sent, 36).toUpperCase();
            String body = COMMANDS.get(template).replace("{id}", id);
            String path = template.replace("{pay}", payments.isEmpty() ? UUID.randomUUID().toString()
                    : payments.get(random.nextInt(payments.size())));
            String contentType = MediaType.APPLICATION_JSON_VALUE;
            byte[] bytes;
            int kind = random.nextInt(20);
            if (kind < 3) {
                bytes = body.getBytes(StandardCharsets.UTF_8);
            } else if (kind < 13) {
                bytes = mutateField(body, random).getBytes(StandardCharsets.UTF_8);
            } else if (kind == 13) {
                bytes = body.replaceFirst("\\{\\s*\"(\\w+)\": ([^,]+),", "{\"$1\": $2, \"$1\": $2,")
                        .getBytes(StandardCharsets.UTF_8);
            } else if (kind == 14) {
                bytes = (body + (random.nextBoolean() ? " {}" : " x")).getBytes(StandardCharsets.UTF_8);
            } else if (kind == 15) {
                bytes = body.substring(0, random.nextInt(body.length())).getBytes(StandardCharsets.UTF_8);
            } else if (kind == 16) {
                bytes = body.getBytes(StandardCharsets.UTF_16LE);
                contentType = random.nextBoolean() ? "application/json;charset=UTF-16LE" : contentType;
            } else if (kind == 17) {
                bytes = body.getBytes(StandardCharsets.UTF_8);
                contentType = List.of("multipart/form-data; boundary=b", "text/plain", "application/xml",
                        "application/x-www-form-urlencoded", "application/json;charset=ISO-8859-1", "application/json;charset=US-ASCII")
                        .get(random.nextInt(6));
            } else if (kind == 18) {
                bytes = (body + " ".repeat(RequestLimits.MAX_BODY_BYTES)).getBytes(StandardCharsets.UTF_8);
            } else {
                bytes = new byte[random.nextInt(64)];
                random.nextBytes(bytes);
            }
            long before = events();
            ResponseEntity<String> answer = post(path, contentType, bytes);
            long after = events();
            String sentBody = new String(bytes, StandardCharsets.UTF_8);
            String request = "POST " + path + " (" + contentType + ") "
                    + sentBody.substring(0, Math.min(sentBody.length(), 300));
            int status = answer.getStatusCode().value();
            assertThat(status).as(request + " -> " + answer.getBody()).isLessThan(500);
            if (status >= 400) {
                assertThat(answer.getHeaders().getContentType()).as(request)
                        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                JsonNode problem = json.readTree(answer.getBody());
                assertThat(problem.get("status").asInt()).as(request).isEqualTo(status);
                if (problem.has("field")) {
                    assertThat(problem.get("field").asText()).as(request).isNotBlank();
                }
                assertThat(after).as(request + " was refused but appended").isEqualTo(before);
            } else {
                accepted++;
                // an accepted request may append nothing (an attendance already recorded), never remove anything
                assertThat(after).as(request).isGreaterThanOrEqualTo(before);
                if (path.endsWith("/dues-payments")) {
                    payments.add(json.readTree(answer.getBody()).get("id").asText());
                }
            }
        }
        assertThat(sent).isGreaterThan(100);
        assertThat(accepted).isPositive();
        assertEverythingStoredIsReadable();
    }

    /** Every payload parses, holds no NUL and no amount a view cannot hold. */
    private void assertEverythingStoredIsReadable() {
        for (var row : jdbc.sql("SELECT payload_type, payload FROM ledger.domain_event_entry")
                .query((rs, i) -> List.of(rs.getString(1), new String(rs.getBytes(2), StandardCharsets.UTF_8)))
                .list()) {
            String payload = row.get(1);
            assertThat(payload).as(row.get(0)).doesNotContain("\\u0000").doesNotContainPattern("\"amount\":\"-?\\d{16,}");
        }
    }

    /** The body with one field, possibly nested, replaced by junk, removed, or joined by an unknown one. */
    private String mutateField(String body, Random random) throws Exception {
        ObjectNode root = (ObjectNode) json.readTree(body);
        List<ObjectNode> objects = new ArrayList<>();
        collect(root, objects);
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        List<String> fields = new ArrayList<>();
        target.fieldNames().forEachRemaining(fields::add);
        String field = fields.get(random.nextInt(fields.size()));
        int how = random.nextInt(10);
        if (how == 0) {
            target.remove(field);
        } else if (how == 1) {
            target.put(field + "X", "unknown");
        } else if (how == 2 && target.get(field).isArray()) {
            ArrayNode many = target.putArray(field);
            for (int i = 0; i < 300; i++) {
                many.add("KR-ULSAN");
            }
        } else {
            target.set(field, json.readTree(JUNK.get(random.nextInt(JUNK.size()))));
        }
        return json.writeValueAsString(root);
    }

    private static void collect(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            collect(children.next(), objects);
        }
    }

    private ResponseEntity<String> post(String path, String contentType, byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        headers.set("Idempotency-Key", UUID.randomUUID().toString());
        return http.withBasicAuth("secretariat", "test-secretariat")
                .postForEntity(URI.create(http.getRootUri() + path), new HttpEntity<>(body, headers), String.class);
    }

    private long events() {
        return jdbc.sql("SELECT COUNT(*) FROM ledger.domain_event_entry").query(Long.class).single();
    }
}
