package org.charterledger.web.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** What both services' boundary tests check of an answer: that it is a problem+json, and which. */
public final class ProblemAssertions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemAssertions() {
    }

    /** An answer that is a problem+json with {@code status} and a ledger type; answers its body. */
    public static JsonNode assertProblem(ResponseEntity<String> answer, int status) throws Exception {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).as(answer.getBody())
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = JSON.readTree(answer.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).startsWith("urn:charter-ledger:problem:");
        return problem;
    }

    /**
     * Sends {@code request} as raw bytes to the service on {@code port} (what no HTTP client would send: an oversized
     * header, {@code %00} in the path) and asserts a problem+json with {@code status}, whoever answered it.
     */
    public static void assertRawProblem(int port, String request, int status) throws Exception {
        String answer;
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(bytes);
            answer = bytes.toString(StandardCharsets.UTF_8);
        }
        String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(head).as(answer).startsWith("HTTP/1.1 " + status);
        assertThat(head.toLowerCase()).as(answer).contains("content-type: application/problem+json");
        if (head.toLowerCase().contains("transfer-encoding: chunked")) {
            body = body.substring(body.indexOf("\r\n") + 2);
        }
        assertThat(JSON.readTree(body).get("status").asInt()).as(answer).isEqualTo(status);
    }

    /**
     * What Tomcat refuses before either service sees it (a header over 8 KB, {@code %00} or an encoded {@code /} in
     * the path), sent as {@code user}, is a 400 problem+json all the same. Answers the Authorization header line, for
     * the refusals a test adds of its own.
     */
    public static String assertContainerRefusals(int port, String user, String password) throws Exception {
        String auth = "Authorization: Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)) + "\r\n";
        assertRawProblem(port, "GET /api/members HTTP/1.1\r\nHost: x\r\n" + auth + "X-Big: " + "a".repeat(9000)
                + "\r\nConnection: close\r\n\r\n", 400);
        assertRawProblem(port, "GET /api/members/KR%00X HTTP/1.1\r\nHost: x\r\n" + auth
                + "Connection: close\r\n\r\n", 400);
        assertRawProblem(port, "GET /api/members%2FKR HTTP/1.1\r\nHost: x\r\n" + auth
                + "Connection: close\r\n\r\n", 400);
        return auth;
    }

    /** A login held back by the throttle: 429 {@code too-many-failed-logins}, with a Retry-After within the window. */
    public static void assertThrottled(ResponseEntity<String> answer) throws Exception {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(429);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
        assertThat(JSON.readTree(answer.getBody()).get("type").asText())
                .isEqualTo("urn:charter-ledger:problem:too-many-failed-logins");
    }
}
