package com.tttools.app.notifications.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The test vector Svix and Resend publish, and what must not pass. */
class SvixSignatureTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final String TIMESTAMP = "1614265330";
    static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    static final Instant AT = Instant.ofEpochSecond(1614265330);

    @Test
    void theDocumentedExampleVerifiesAlsoAmongSeveralSignatures() {
        assertThat(SvixSignature.valid(SECRET, ID, TIMESTAMP, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                BODY, AT)).isTrue();
        assertThat(SvixSignature.valid(SECRET, ID, TIMESTAMP,
                "v1,bm9wZQ== v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", BODY, AT)).isTrue();
    }

    @Test
    void aChangedBodyIdOrSecretAStaleTimestampOrNoSecretFail() {
        String good = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
        assertThat(SvixSignature.valid(SECRET, ID, TIMESTAMP, good,
                "{\"test\":2432232314}".getBytes(StandardCharsets.UTF_8), AT)).isFalse();
        assertThat(SvixSignature.valid(SECRET, "msg_other", TIMESTAMP, good, BODY, AT)).isFalse();
        assertThat(SvixSignature.valid("whsec_bm90IHRoZSBzZWNyZXQ=", ID, TIMESTAMP, good, BODY, AT)).isFalse();
        assertThat(SvixSignature.valid(SECRET, ID, TIMESTAMP, good, BODY, AT.plusSeconds(301))).isFalse();
        assertThat(SvixSignature.valid(null, ID, TIMESTAMP, good, BODY, AT)).isFalse();
        assertThat(SvixSignature.valid(SECRET, ID, TIMESTAMP, "v2," + good.substring(3), BODY, AT)).isFalse();
    }
}
