package com.tttools.app.platform.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.support.FakeHttpProvider;
import com.tttools.app.support.FakeHttpProvider.Answer;
import com.tttools.app.support.Outbound;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/** The shared factory every client is built from: the allowlist is checked before sending, redirects are answers. */
class OutboundHttpTest {

    static final Duration SECONDS = Duration.ofSeconds(5);

    FakeHttpProvider elsewhere = new FakeHttpProvider(new Answer(200, Map.of(), "internal"));
    FakeHttpProvider server = new FakeHttpProvider(new Answer(200, Map.of(), "ok"));

    @AfterEach
    void close() {
        elsewhere.close();
        server.close();
    }

    @Test
    void anUntrustedLoopbackTargetIsNeverContacted() {
        RestClient client = Outbound.trustingNothing().restClient(SECONDS, SECONDS).build();

        assertThatThrownBy(() -> client.get().uri(server.baseUrl() + "/x").retrieve().body(String.class))
                .isInstanceOf(ResourceAccessException.class)
                .hasRootCauseInstanceOf(OutboundRefusedException.class);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aTrustedLoopbackTargetIsContacted() {
        RestClient client = Outbound.trustingLoopback().restClient(SECONDS, SECONDS).build();

        assertThat(client.get().uri(server.baseUrl() + "/x").retrieve().body(String.class)).isEqualTo("ok");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aRedirectIsReturnedToTheCallerNotFollowed() {
        server.then(new Answer(302, Map.of("Location", elsewhere.baseUrl() + "/admin"), ""));
        RestClient client = Outbound.trustingLoopback().restClient(SECONDS, SECONDS).build();

        int status = client.get().uri(server.baseUrl() + "/x").exchange((request, response) ->
                response.getStatusCode().value());

        assertThat(status).isEqualTo(302);
        assertThat(elsewhere.requests()).isEmpty();
    }
}
