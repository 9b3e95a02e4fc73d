package org.charterledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.charterledger.events.AdmissionBasis;
import org.charterledger.events.Body;
import org.charterledger.events.CountryCode;
import org.charterledger.events.MeetingConvened;
import org.charterledger.events.MeetingId;
import org.charterledger.events.MemberAdmitted;
import org.charterledger.events.MemberId;
import org.charterledger.events.PartyCategory;
import org.charterledger.query.LedgerIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The change feed on PostgreSQL, on a ledger of its own: a follower that leaves and comes back with Last-Event-ID sees
 * every event once, in position order; a follower of one kind of aggregate sees that kind alone; a quiet stream
 * carries heartbeats; a Last-Event-ID that is no position is refused.
 */
class ChangeFeedIT extends LedgerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private final HttpClient client = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    private int port;

    @DynamicPropertySource
    static void ownLedger(DynamicPropertyRegistry properties) {
        String url = freshDatabase();
        properties.add("spring.datasource.url", () -> url);
        properties.add("ledger.feed.heartbeat", () -> "300ms");
    }

    /** One server-sent event as the feed sent it. */
    private record Sent(long id, String name, JsonNode data) {
    }

    @Test
    void aFollowerThatLeavesAndComesBackSeesEveryEventOnceInOrder() throws Exception {
        long after = ledgerHead();
        List<Long> appended = new ArrayList<>();
        for (String id : List.of("KR-FEED-A", "KR-FEED-B", "KR-FEED-C")) {
            appended.add(append(id, admitted(id)));
        }

        List<Sent> first = follow("/api/events/stream?after=" + after, null, 3);
        for (String id : List.of("KR-FEED-D", "KR-FEED-E")) {
            appended.add(append(id, admitted(id)));
        }
        List<Sent> second = follow("/api/events/stream?after=0", Long.toString(first.get(2).id()), 2);

        List<Long> seen = Stream.concat(first.stream(), second.stream()).map(Sent::id).toList();
        assertThat(seen).containsExactlyElementsOf(appended);
        assertThat(first.get(0).name()).isEqualTo("MemberAdmitted");
        assertThat(first.get(0).data().get("aggregate").asText()).isEqualTo("KR-FEED-A");
        assertThat(second.get(1).data().get("position").asLong()).isEqualTo(appended.get(4));
    }

    @Test
    void aFollowerOfOneKindOfAggregateSeesThatKindAlone() throws Exception {
        long after = ledgerHead();
        append("KR-FEED-F", admitted("KR-FEED-F"));
        MeetingId meeting = new MeetingId("GA31");
        long convened = append("Meeting", meeting.value(), new MeetingConvened(meeting, Body.GA, 31, null, "Ulsan",
                LocalDate.of(2031, 9, 1), LocalDate.of(2031, 9, 2)));
        append("KR-FEED-G", admitted("KR-FEED-G"));

        List<Sent> meetings = follow("/api/events/stream?after=" + after + "&aggregateType=Meeting", null, 1);

        assertThat(meetings).extracting(Sent::id).containsExactly(convened);
        assertThat(meetings.get(0).data().get("aggregateType").asText()).isEqualTo("Meeting");
    }

    @Test
    void aQuietStreamCarriesHeartbeats() {
        assertTimeoutPreemptively(PATIENCE, () -> {
            HttpResponse<Stream<String>> answer = open("/api/events/stream?after=" + ledgerHead() + "&aggregateType=None",
                    null);
            try (Stream<String> lines = answer.body()) {
                assertThat(lines.filter(line -> line.startsWith(":heartbeat")).findFirst()).isPresent();
            }
        });
    }

    @Test
    void aLastEventIdThatIsNoPositionIsRefused() throws Exception {
        HttpResponse<String> answer = client.send(request("/api/events/stream", "yesterday"),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(answer.body()).get("field").asText()).isEqualTo("Last-Event-ID");
    }

    /** Follows the feed until {@code count} events have come, then leaves. */
    private List<Sent> follow(String path, String lastEventId, int count) {
        return assertTimeoutPreemptively(PATIENCE, () -> {
            HttpResponse<Stream<String>> answer = open(path, lastEventId);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/event-stream"));
            List<Sent> sent = new ArrayList<>();
            try (Stream<String> lines = answer.body()) {
                Iterator<String> it = lines.iterator();
                long id = -1;
                String name = null;
                while (sent.size() < count && it.hasNext()) {
                    String line = it.next();
                    if (line.startsWith("id:")) {
                        id = Long.parseLong(line.substring(3).trim());
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        sent.add(new Sent(id, name, json.readTree(line.substring(5))));
                    }
                }
            }
            return sent;
        });
    }

    private HttpResponse<Stream<String>> open(String path, String lastEventId) throws Exception {
        return client.send(request(path, lastEventId), HttpResponse.BodyHandlers.ofLines());
    }

    private HttpRequest request(String path, String lastEventId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("reader:test-reader".getBytes(StandardCharsets.UTF_8)));
        if (lastEventId != null) {
            builder.header("Last-Event-ID", lastEventId);
        }
        return builder.build();
    }

    private static MemberAdmitted admitted(String id) {
        MemberId member = new MemberId(id);
        return new MemberAdmitted(member, CountryCode.of("KR"), id, null, PartyCategory.MEMBER,
                LocalDate.of(2016, 1, 1), AdmissionBasis.OPENING_BALANCE, null);
    }
}
