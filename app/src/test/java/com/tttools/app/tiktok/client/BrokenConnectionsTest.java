package com.tttools.app.tiktok.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.tiktok.ApiCall;
import com.tttools.app.tiktok.TikTokUnavailableException;
import com.tttools.app.tiktok.tokens.AccessToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Check 52's broken connections, from a local socket that misbehaves below HTTP: the connection reset by the peer
 * (RST after reading the request), random bytes then close, an empty answer (close at once) and a chunked body cut
 * off mid-chunk. Each is a retryable failure: the client tries the configured number of times (4 here, with its
 * backoff between them) and then reports TikTok unavailable with the failure's kind and no secret.
 */
class BrokenConnectionsTest {

    static final AccessToken TOKEN = new AccessToken("act.super-secret-token-value");
    static final String SECRET = "app-secret-value";

    enum Fault {
        CONNECTION_RESET_BY_PEER, RANDOM_DATA_THEN_CLOSE, EMPTY_RESPONSE, MALFORMED_RESPONSE_CHUNK
    }

    /** Accepts connections on loopback and answers each request with the fault. */
    static final class BrokenServer implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger requests = new AtomicInteger();
        final Thread acceptor;

        BrokenServer(Fault fault) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        readRequestHead(connection.getInputStream());
                        requests.incrementAndGet();
                        answer(fault, connection);
                    } catch (IOException e) {
                        // closed by the test, or the client gave up on this connection
                    }
                }
            }, "broken-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        private static void readRequestHead(InputStream in) throws IOException {
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            int b;
            while (matched < 4 && (b = in.read()) >= 0) {
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            }
        }

        private static void answer(Fault fault, Socket connection) throws IOException {
            OutputStream out = connection.getOutputStream();
            switch (fault) {
                case CONNECTION_RESET_BY_PEER -> connection.setSoLinger(true, 0);   // close() sends RST
                case RANDOM_DATA_THEN_CLOSE -> {
                    byte[] noise = new byte[512];
                    new Random(52).nextBytes(noise);
                    out.write(noise);
                    out.flush();
                }
                case EMPTY_RESPONSE -> {
                }
                case MALFORMED_RESPONSE_CHUNK -> {
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + "40\r\n{\"code\":0,\"message\":\"OK\",\"da").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    final List<Duration> waits = new ArrayList<>();

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aBrokenConnectionIsRetriedThenReportedAsUnavailable(Fault fault) throws Exception {
        try (BrokenServer server = new BrokenServer(fault)) {
            assertThatThrownBy(() -> client(server.base()).call(ApiCall.get("user/info/").param("secret", SECRET), TOKEN))
                    .isInstanceOfSatisfying(TikTokUnavailableException.class, e -> assertThat(e.getMessage())
                            .containsAnyOf("I/O failure", "malformed body")
                            .doesNotContain(SECRET).doesNotContain(TOKEN.value()));

            assertThat(waits).as("our client's attempts: 4, so 3 backoff waits").hasSize(3);
            assertThat(waits.get(1)).isGreaterThan(waits.get(0));
            // the JDK client may itself retry a GET once on a connection closed before any answer
            assertThat(server.requests.get()).isBetween(4, 8);
        }
    }

    private MarketingApiClient client(URI base) {
        return MarketingApiClientTest.client(base, JsonMapper.builder().build(), waits);
    }
}
