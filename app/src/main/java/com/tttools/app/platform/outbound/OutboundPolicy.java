package com.tttools.app.platform.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The outbound allowlist against SSRF: a target host is resolved and every address it resolves to must be public,
 * unless the host (by name) or the address (by IP or CIDR) is configured as trusted. Internal means loopback,
 * private (RFC 1918, IPv6 unique local), link-local (including the cloud metadata address 169.254.169.254),
 * carrier-grade NAT, "this network", multicast, reserved, and IPv4 addresses embedded in IPv6 (mapped, compatible,
 * NAT64) that are internal.
 *
 * <p>The check resolves the name itself and the HTTP client resolves it again when it connects; the JVM's address
 * cache (30 s by default) makes both see the same answer, so a DNS answer that changes between the two (rebinding)
 * needs a TTL shorter than that cache to slip through.
 */
public final class OutboundPolicy {

    private static final List<IpAddressMatcher> INTERNAL = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/3",
            "::/128", "::1/128", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8").stream()
            .map(IpAddressMatcher::new).toList();

    private final Set<String> trustedNames;
    private final List<IpAddressMatcher> trustedAddresses = new ArrayList<>();

    public OutboundPolicy(OutboundProperties properties) {
        List<String> entries = properties.trustedHosts().stream().map(OutboundPolicy::unbracketed).toList();
        trustedNames = entries.stream().filter(entry -> !isAddress(entry))
                .map(entry -> entry.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        entries.stream().filter(OutboundPolicy::isAddress).map(IpAddressMatcher::new).forEach(trustedAddresses::add);
    }

    /** @throws OutboundRefusedException when the target is internal and not trusted, or cannot be resolved */
    public void check(URI target) throws OutboundRefusedException {
        String host = target.getHost() == null ? "" : unbracketed(target.getHost());
        if (host.isEmpty()) {
            throw new OutboundRefusedException("outbound request refused: the target has no host");
        }
        if (trustedNames.contains(host.toLowerCase(Locale.ROOT))) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new OutboundRefusedException("outbound request to " + host + " refused: the name does not resolve");
        }
        for (InetAddress address : addresses) {
            if (internal(address) && !trusted(address)) {
                throw new OutboundRefusedException("outbound request to " + host + " refused: " + address.getHostAddress()
                        + " is an internal address and not in tttools.outbound.trusted-hosts");
            }
        }
    }

    /** Loopback, private, link-local and the other non-public ranges, IPv4 embedded in IPv6 included. */
    static boolean internal(InetAddress address) {
        String text = withoutScope(address);
        if (INTERNAL.stream().anyMatch(range -> range.matches(text))) {
            return true;
        }
        InetAddress embedded = embeddedIpv4(address.getAddress());
        return embedded != null && internal(embedded);
    }

    private boolean trusted(InetAddress address) {
        String text = withoutScope(address);
        return trustedAddresses.stream().anyMatch(range -> range.matches(text));
    }

    /** The IPv4 address in ::a.b.c.d (compatible), ::ffff:a.b.c.d (mapped) and 64:ff9b::a.b.c.d (NAT64). */
    private static InetAddress embeddedIpv4(byte[] bytes) {
        if (bytes.length != 16) {
            return null;
        }
        boolean zeroTen = true;
        for (int i = 0; i < 10; i++) {
            zeroTen &= bytes[i] == 0;
        }
        boolean compatibleOrMapped = zeroTen && ((bytes[10] == 0 && bytes[11] == 0)
                || (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff));
        boolean nat64 = bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == (byte) 0xff && bytes[3] == (byte) 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = bytes[i] == 0;
        }
        if (!compatibleOrMapped && !nat64) {
            return null;
        }
        try {
            return InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
        } catch (UnknownHostException impossible) {
            return null;
        }
    }

    /** {@code fe80::1%eth0} → {@code fe80::1}: the matcher parses addresses without a zone. */
    private static String withoutScope(InetAddress address) {
        String text = address.getHostAddress();
        int zone = text.indexOf('%');
        return zone < 0 ? text : text.substring(0, zone);
    }

    private static boolean isAddress(String entry) {
        return entry.contains(":") || entry.matches("[0-9.]+(/[0-9]+)?");
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
