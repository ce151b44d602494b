package com.tttools.app.platform.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF allowlist (check 39): internal targets are refused unless trusted by name, address or CIDR block. */
class OutboundPolicyTest {

    static final OutboundPolicy NOTHING_TRUSTED = new OutboundPolicy(new OutboundProperties(List.of()));

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/x", "http://127.8.9.10/", "http://localhost/", "http://[::1]/",
            "http://10.0.0.1/", "http://172.16.5.4/", "http://172.31.255.255/", "http://192.168.1.1/",
            "http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/", "http://[fd00:ec2::254]/",
            "http://0.0.0.0/", "http://100.64.0.1/", "http://224.0.0.1/", "http://255.255.255.255/",
            "http://[::ffff:127.0.0.1]/", "http://[::ffff:169.254.169.254]/", "http://[64:ff9b::a00:1]/",
            "http://[::]/", "http://2130706433/", "http://0x7f000001/"})
    void internalTargetsAreRefusedWhenNothingIsTrusted(String target) {
        assertThatThrownBy(() -> NOTHING_TRUSTED.check(URI.create(target)))
                .isInstanceOf(OutboundRefusedException.class)
                .hasMessageContaining("refused")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("/latest/meta-data"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.215.14/emails", "https://8.8.8.8/", "https://[2001:4860:4860::8888]/",
            "https://172.32.0.1/", "https://100.128.0.1/", "https://[::ffff:8.8.8.8]/"})
    void publicAddressesPass(String target) {
        assertThatCode(() -> NOTHING_TRUSTED.check(URI.create(target))).doesNotThrowAnyException();
    }

    @Test
    void aTrustedNameAddressOrBlockLetsExactlyThatThrough() throws Exception {
        OutboundPolicy policy = new OutboundPolicy(new OutboundProperties(List.of(" LocalHost ", "10.1.0.0/16",
                "[::1]", "192.168.7.7")));

        policy.check(URI.create("http://localhost:9000/tiktok-sim"));
        policy.check(URI.create("http://10.1.200.3/"));
        policy.check(URI.create("http://[::1]:8025/"));
        policy.check(URI.create("http://192.168.7.7/"));
        assertThatThrownBy(() -> policy.check(URI.create("http://10.2.0.1/"))).isInstanceOf(OutboundRefusedException.class);
        assertThatThrownBy(() -> policy.check(URI.create("http://192.168.7.8/"))).isInstanceOf(OutboundRefusedException.class);
        assertThatThrownBy(() -> policy.check(URI.create("http://169.254.169.254/"))).isInstanceOf(OutboundRefusedException.class);
        // trusting the name "localhost" does not trust the address 127.0.0.1 under another name
        assertThatThrownBy(() -> policy.check(URI.create("http://127.0.0.1/"))).isInstanceOf(OutboundRefusedException.class);
    }

    @Test
    void aTargetWithoutAHostOrAnUnresolvableNameIsRefused() {
        assertThatThrownBy(() -> NOTHING_TRUSTED.check(URI.create("file:///etc/passwd")))
                .isInstanceOf(OutboundRefusedException.class);
        assertThatThrownBy(() -> NOTHING_TRUSTED.check(URI.create("http://no-such-host.invalid/")))
                .isInstanceOf(OutboundRefusedException.class);
    }
}
