package com.tttools.app.platform.outbound;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tttools.outbound.trusted-hosts} ({@code TTTOOLS_OUTBOUND_TRUSTED_HOSTS}): the internal targets the app's
 * HTTP clients may reach. Each entry is a host name (exact, case-insensitive), an IP address or a CIDR block
 * ({@code 10.1.0.0/16}). Development and tests trust loopback (the embedded simulator and the local fakes); the
 * prod profile trusts nothing unless told.
 */
@ConfigurationProperties("tttools.outbound")
public record OutboundProperties(List<String> trustedHosts) {

    public OutboundProperties {
        trustedHosts = trustedHosts == null ? List.of()
                : trustedHosts.stream().map(String::trim).filter(entry -> !entry.isEmpty()).toList();
    }
}
