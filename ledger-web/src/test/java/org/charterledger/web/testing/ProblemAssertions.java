package org.charterledger.web.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What both services' boundary tests check of an answer: that it is a problem+json, and which. */
public final class ProblemAssertions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemAssertions() {
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

    /** A login held back by the throttle: 429 {@code too-many-failed-logins}, with a Retry-After within the window. */
    public static void assertThrottled(ResponseEntity<String> answer) throws Exception {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(429);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
        assertThat(JSON.readTree(answer.getBody()).get("type").asText())
                .isEqualTo("urn:charter-ledger:problem:too-many-failed-logins");
    }
}
