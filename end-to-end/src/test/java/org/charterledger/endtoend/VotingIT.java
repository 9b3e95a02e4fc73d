package org.charterledger.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Voting over HTTP with both services on PostgreSQL and NEAR's record imported: every member's delegate votes at
 * once, retries count once; a member restricted for dues is off the roll and its vote is refused with the reason.
 */
class VotingIT {

    private static final String SECRETARIAT = "secretariat:e2e-secretariat";
    private static final String READER = "reader:e2e-reader";

    private static RunningLedger ledger;
    private static FreshDatabase database;
    private static ServiceProcess commands;
    private static ServiceProcess queries;
    private static List<String> members;

    @BeforeAll
    static void start() throws Exception {
        members = nearMembers();
        List<String> arguments = new ArrayList<>(List.of(
                "--ledger.import.reference-data=classpath:reference/near-2021.yaml",
                "--ledger.security.users[0].name=secretariat", "--ledger.security.users[0].password=e2e-secretariat",
                "--ledger.security.users[0].roles[0]=SECRETARIAT"));
        for (int i = 0; i < members.size(); i++) {
            String user = "--ledger.security.users[" + (i + 1) + "].";
            arguments.addAll(List.of(user + "name=" + delegate(members.get(i)), user + "password=pw",
                    user + "roles[0]=DELEGATE", user + "member=" + members.get(i)));
        }
        ledger = RunningLedger.start(arguments);
        database = ledger.database;
        commands = ledger.commands;
        queries = ledger.queries;
    }

    @AfterAll
    static void stop() throws Exception {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void seventyEightDelegatesVoteAtOnceAndEveryVoteCountsOnce() throws Exception {
        command("/api/meetings", "{\"id\": \"GA2021-EXTRA\", \"body\": \"GA\", \"ordinal\": 13, \"host\": \"KR-ULSAN\","
                + " \"venue\": \"online\", \"firstDay\": \"2021-10-01\", \"lastDay\": \"2021-10-01\"}");
        command("/api/motions", "{\"id\": \"GA2021-EXTRA-M1\", \"meeting\": \"GA2021-EXTRA\", \"item\": 7,"
                + " \"subject\": \"Approve the programme of work\", \"procedure\": \"WRITTEN_BALLOT\"}");
        List<String> voters = members.stream().filter(m -> !m.equals("KP-RASON")).toList();
        assertThat(voters).hasSize(78);

        List<Http.Answer> answers = inParallel(voters.stream().<Callable<Http.Answer>>map(member -> () -> {
            String key = "vote-" + member;
            String body = "{\"member\": \"" + member + "\", \"choice\": \"YES\", \"castOn\": \"2021-10-01\"}";
            Http.Answer first = commands.http.post("/api/motions/GA2021-EXTRA-M1/votes", delegate(member) + ":pw", key, body);
            Http.Answer retry = commands.http.post("/api/motions/GA2021-EXTRA-M1/votes", delegate(member) + ":pw", key, body);
            assertThat(retry.raw().body()).isEqualTo(first.raw().body());
            return first;
        }).toList());

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(201));
        assertThat(database.count("""
                SELECT COUNT(*) FROM ledger.domain_event_entry
                WHERE aggregate_identifier = 'GA2021-EXTRA-M1' AND payload_type = 'org.charterledger.events.VoteCast'"""))
                .isEqualTo(78);
        long position = command("/api/motions/GA2021-EXTRA-M1/closure", "{\"decidedOn\": \"2021-10-01\"}")
                .get("position").asLong();

        JsonNode motion = query("/api/motions/GA2021-EXTRA-M1?atLeast=" + position);
        assertThat(motion.get("outcome").asText()).isEqualTo("PASSED");
        assertThat(motion.get("derivation").get("rule").asText()).isEqualTo("CATEGORY_B");
        assertThat(motion.get("derivation").get("rollSize").asInt()).isEqualTo(79);
        assertThat(motion.get("derivation").get("present").asInt()).isEqualTo(78);
        assertThat(motion.get("derivation").get("yes").asInt()).isEqualTo(78);
        assertThat(motion.get("ballots")).hasSize(78);
        assertThat(motion.get("count").get("notVoted").toString()).isEqualTo("[\"KP-RASON\"]");
    }

    @Test
    void aPassedItemSixMotionElectsAnAuditorForTheNextChairsTerm() throws Exception {
        command("/api/meetings", "{\"id\": \"GA2021-AUDIT\", \"body\": \"GA\", \"ordinal\": 13, \"host\": \"RU-SAKHA\","
                + " \"venue\": \"online\", \"firstDay\": \"2021-12-01\", \"lastDay\": \"2021-12-01\"}");
        command("/api/motions", "{\"id\": \"GA2021-AUDIT-M1\", \"meeting\": \"GA2021-AUDIT\", \"item\": 6,"
                + " \"subject\": \"Elect Jeju as auditor\", \"procedure\": \"WRITTEN_BALLOT\","
                + " \"effect\": {\"type\": \"ELECT_AUDITOR\", \"auditor\": \"KR-JEJU\"}}");
        inParallel(members.subList(0, 41).stream().<Callable<JsonNode>>map(member -> () ->
                command("/api/motions/GA2021-AUDIT-M1/votes", "{\"member\": \"" + member + "\", \"choice\": \"YES\","
                        + " \"castOn\": \"2021-12-01\"}")).toList());
        long position = command("/api/motions/GA2021-AUDIT-M1/closure", "{\"decidedOn\": \"2021-12-01\"}")
                .get("position").asLong();

        JsonNode auditors = query("/api/offices/auditors?asOf=2021-12-02&atLeast=" + position);

        assertThat(auditors.get("term").asInt()).isEqualTo(14);
        assertThat(auditors.get("auditors").findValuesAsText("auditor")).containsExactly("KR-JEJU");
        assertThat(auditors.get("auditors").get(0).get("decidedBy").asText()).isEqualTo("GA2021-AUDIT-M1");
    }

    @Test
    void aDelegateCastsOnlyItsOwnMembersVote() {
        command("/api/meetings", "{\"id\": \"GA2021-OTHER\", \"body\": \"GA\", \"ordinal\": 13, \"host\": \"KR-ULSAN\","
                + " \"venue\": \"Ulsan\", \"firstDay\": \"2021-11-01\", \"lastDay\": \"2021-11-02\"}");
        command("/api/motions", "{\"id\": \"GA2021-OTHER-M1\", \"meeting\": \"GA2021-OTHER\", \"item\": 10,"
                + " \"subject\": \"Adopt the work plan\", \"procedure\": \"SITTING\"}");

        Http.Answer foreign = commands.http.post("/api/motions/GA2021-OTHER-M1/votes", delegate("KR-ULSAN") + ":pw",
                UUID.randomUUID().toString(), "{\"member\": \"KR-BUSAN\", \"choice\": \"NO\", \"castOn\": \"2021-11-01\"}");

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().get("field").asText()).isEqualTo("member");
        assertThat(foreign.json().get("rule").asText()).isEqualTo("delegate-of-member");
        assertThat(foreign.json().get("article").asText()).isEqualTo("Charter Art. 9(1)");
    }

    @Test
    void aRestrictedMemberIsOffTheRollAndItsVoteIsRefusedWithTheReason() {
        for (String year : new String[]{"2021", "2022"}) {
            command("/api/members/KR-ULSAN/dues-payments", "{\"fiscalYear\": " + year + ", \"paid\": {\"amount\": \"1000\","
                    + " \"currency\": \"USD\"}, \"paidOn\": \"" + year + "-03-02\", \"reference\": \"transfer\"}");
        }
        command("/api/meetings", "{\"id\": \"EC2022\", \"body\": \"EC\", \"ordinal\": 1, \"host\": \"KR-ULSAN\","
                + " \"venue\": \"Pohang\", \"firstDay\": \"2022-06-01\", \"lastDay\": \"2022-06-01\"}");
        long position = command("/api/motions", "{\"id\": \"EC2022-M1\", \"meeting\": \"EC2022\", \"item\": 7,"
                + " \"subject\": \"Settle the accounts of 2021\", \"procedure\": \"SITTING\"}").get("position").asLong();

        Http.Answer refused = commands.http.post("/api/motions/EC2022-M1/votes", SECRETARIAT, UUID.randomUUID().toString(),
                "{\"member\": \"RU-TYVA\", \"choice\": \"YES\", \"castOn\": \"2022-06-01\"}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("rule").asText()).isEqualTo("on-the-roll");
        assertThat(refused.json().get("detail").asText()).contains("restricted since 2022-05-01")
                .contains("Dues Regulation Art. 6");
        JsonNode roll = query("/api/motions/EC2022-M1/roll?atLeast=" + position);
        assertThat(roll.get("roll").findValuesAsText("member")).containsExactly("CN-LIAONING", "KR-ULSAN");
        JsonNode tyva = null;
        for (JsonNode left : roll.get("leftOff")) {
            if (left.get("party").asText().equals("RU-TYVA")) {
                tyva = left;
            }
        }
        assertThat(tyva).isNotNull();
        assertThat(tyva.get("restrictedSince").asText()).isEqualTo("2022-05-01");
    }

    @Test
    void anInactiveCoordinatorIsReplacedThroughAnExecutiveCommitteeMotion() {
        for (String member : new String[]{"CN-JILIN", "CN-HUNAN"}) {
            for (String year : new String[]{"2022", "2023"}) {
                command("/api/members/" + member + "/dues-payments", "{\"fiscalYear\": " + year + ", \"paid\": "
                        + "{\"amount\": \"1000\", \"currency\": \"USD\"}, \"paidOn\": \"" + year + "-03-02\"}");
            }
        }
        command("/api/meetings", "{\"id\": \"EC2024\", \"body\": \"EC\", \"ordinal\": 2, \"host\": \"KR-GYEONGBUK\","
                + " \"venue\": \"Pohang\", \"firstDay\": \"2024-03-01\", \"lastDay\": \"2024-03-01\"}");
        command("/api/meetings/EC2024/attendance", "{\"present\": [\"CN-JILIN\", \"CN-HUNAN\"]}");
        command("/api/motions", "{\"id\": \"EC2024-M1\", \"meeting\": \"EC2024\", \"kind\": \"COORDINATOR_REPLACEMENT\","
                + " \"subject\": \"Jilin takes over the Logistics subcommittee\", \"procedure\": \"SITTING\","
                + " \"effect\": {\"type\": \"REPLACE_COORDINATOR\", \"subcommittee\": 15,"
                + " \"outgoing\": \"CN-HEILONGJIANG\", \"incoming\": \"CN-JILIN\"}}");
        for (String member : new String[]{"CN-JILIN", "CN-HUNAN"}) {
            command("/api/motions/EC2024-M1/votes", "{\"member\": \"" + member + "\", \"choice\": \"YES\","
                    + " \"castOn\": \"2024-03-01\"}");
        }
        long position = command("/api/motions/EC2024-M1/closure", "{\"decidedOn\": \"2024-03-01\"}")
                .get("position").asLong();

        JsonNode motion = query("/api/motions/EC2024-M1?atLeast=" + position);
        assertThat(motion.get("outcome").asText()).isEqualTo("PASSED");
        assertThat(motion.get("derivation").get("rule").asText()).isEqualTo("COORDINATOR_REPLACEMENT");
        JsonNode history = query("/api/subcommittees/15/history");
        JsonNode terms = history.get("coordinators");
        assertThat(terms.findValuesAsText("coordinator")).containsExactly("CN-HEILONGJIANG", "CN-JILIN");
        assertThat(terms.get(0).get("until").asText()).isEqualTo("2024-03-01");
        assertThat(terms.get(1).get("decidedBy").asText()).isEqualTo("EC2024-M1");
        assertThat(terms.get(1).get("termEnd").asText()).isEqualTo("2026-03-01");
    }

    @Test
    void anActiveCoordinatorCannotBeReplaced() {
        command("/api/meetings", "{\"id\": \"EC2022-B\", \"body\": \"EC\", \"ordinal\": 2, \"host\": \"KR-GYEONGBUK\","
                + " \"venue\": \"Pohang\", \"firstDay\": \"2022-09-01\", \"lastDay\": \"2022-09-01\"}");

        Http.Answer refused = commands.http.post("/api/motions", SECRETARIAT, UUID.randomUUID().toString(),
                "{\"id\": \"EC2022-B-M1\", \"meeting\": \"EC2022-B\", \"kind\": \"COORDINATOR_REPLACEMENT\","
                        + " \"subject\": \"x\", \"procedure\": \"SITTING\", \"effect\": {\"type\": \"REPLACE_COORDINATOR\","
                        + " \"subcommittee\": 2, \"outgoing\": \"JP-TOYAMA\", \"incoming\": \"JP-AKITA\"}}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("rule").asText()).isEqualTo("inactive-two-years");
    }

    @Test
    void anExecutiveCommitteeMotionOutsideArticle9Dash2IsRefused() {
        command("/api/meetings", "{\"id\": \"EC2021\", \"body\": \"EC\", \"ordinal\": 1, \"host\": \"RU-SAKHA\","
                + " \"venue\": \"online\", \"firstDay\": \"2021-03-01\", \"lastDay\": \"2021-03-01\"}");

        Http.Answer refused = commands.http.post("/api/motions", SECRETARIAT, UUID.randomUUID().toString(),
                "{\"id\": \"EC2021-M1\", \"meeting\": \"EC2021\", \"item\": 7, \"subject\": \"Budget\","
                        + " \"procedure\": \"SITTING\"}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("rule").asText()).isEqualTo("ec-in-ga-year");
        assertThat(refused.json().get("article").asText()).isEqualTo("Charter Art. 9-2");
    }

    private static String delegate(String member) {
        return "delegate-" + member.toLowerCase();
    }

    private static JsonNode command(String path, String body) {
        Http.Answer answer = commands.http.post(path, SECRETARIAT, UUID.randomUUID().toString(), body);
        assertThat(answer.status()).as(path + " -> " + answer).isEqualTo(201);
        return answer.json();
    }

    private static JsonNode query(String path) {
        Http.Answer answer = queries.http.get(path, READER);
        assertThat(answer.status()).as(path + " -> " + answer).isEqualTo(200);
        return answer.json();
    }

    private static <T> List<T> inParallel(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(calls)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    /** The members of NEAR on 1 October 2021, Liaoning among them: the file's members, every one. */
    private static List<String> nearMembers() throws Exception {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(new File(System.getProperty("referenceData")));
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, JsonNode> country : root.get("members").properties()) {
            country.getValue().forEach(member -> ids.add(member.get("id").asText()));
        }
        return ids;
    }
}
