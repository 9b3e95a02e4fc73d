package org.charterledger.web;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** The containers' health check against a real HTTP server on this machine. */
class HealthCheckTest {

    private HttpServer server;

    private URI serve(int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes();
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/actuator/health/readiness");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aServiceThatAnswers200IsHealthy() throws IOException {
        assertThat(HealthCheck.healthy(serve(200))).isTrue();
    }

    @Test
    void aServiceThatIsNotReadyIsUnhealthy() throws IOException {
        assertThat(HealthCheck.healthy(serve(503))).isFalse();
    }

    @Test
    void noServiceAtAllIsUnhealthy() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThat(HealthCheck.healthy(URI.create("http://localhost:" + closed + "/actuator/health/readiness")))
                .isFalse();
    }
}
