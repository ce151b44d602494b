package com.tttools.app.notifications.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.notifications.DeliveryFailure;
import com.tttools.app.notifications.OutgoingMessage;
import com.tttools.app.platform.outbound.OutboundHttp;
import com.tttools.app.support.FakeHttpProvider;
import com.tttools.app.support.FakeHttpProvider.Answer;
import com.tttools.app.support.Outbound;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Resend and Postmark on the shared outbound factory, as {@code EmailConfiguration} builds them: an untrusted internal
 * target is never contacted (check 39), and a redirect is a failed delivery, not a request to where it points
 * (check 40) — a redirect must not carry the API key to another host.
 */
class EmailProvidersOutboundTest {

    record Provider(String name, BiFunction<OutboundHttp, String, EmailProvider> build) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Provider> providers() {
        return Stream.of(
                new Provider("resend", (outbound, url) -> new ResendClient(
                        outbound.restClient(Duration.ofSeconds(5), Duration.ofSeconds(5)), url, "re_test_123", "a@b.c")),
                new Provider("postmark", (outbound, url) -> new PostmarkClient(
                        outbound.restClient(Duration.ofSeconds(5), Duration.ofSeconds(5)), url, "pm-token", "a@b.c")));
    }

    FakeHttpProvider api = new FakeHttpProvider(new Answer(200, Map.of(), "{\"id\":\"1\",\"MessageID\":\"1\",\"ErrorCode\":0}"));
    FakeHttpProvider elsewhere = new FakeHttpProvider(new Answer(200, Map.of(), "{\"id\":\"2\",\"MessageID\":\"2\",\"ErrorCode\":0}"));

    @AfterEach
    void close() {
        api.close();
        elsewhere.close();
    }

    static OutgoingMessage message() {
        return new OutgoingMessage(UUID.randomUUID(), null, "ops@example.com", "alert.fired", "Subject", "Text", null,
                null, List.of());
    }

    @ParameterizedTest
    @MethodSource("providers")
    void anUntrustedInternalApiUrlIsNeverContacted(Provider provider) throws Exception {
        EmailProvider client = provider.build().apply(Outbound.trustingNothing(), api.baseUrl());

        assertThatThrownBy(() -> client.send(message())).isInstanceOf(DeliveryFailure.class)
                .hasMessageContaining("OutboundRefusedException");
        assertThat(api.requests()).isEmpty();

        assertThat(provider.build().apply(Outbound.trustingLoopback(), api.baseUrl()).send(message())).isNotBlank();
        assertThat(api.requests()).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void aRedirectFailsTheDeliveryAndIsNotFollowed(Provider provider) {
        api.then(new Answer(307, Map.of("Location", elsewhere.baseUrl() + "/emails"), ""));
        EmailProvider client = provider.build().apply(Outbound.trustingLoopback(), api.baseUrl());

        assertThatThrownBy(() -> client.send(message())).isInstanceOf(DeliveryFailure.class);
        assertThat(api.requests()).hasSize(1);
        assertThat(elsewhere.requests()).isEmpty();
    }
}
