package com.tttools.app.support;

import com.tttools.app.platform.outbound.OutboundHttp;
import com.tttools.app.platform.outbound.OutboundProperties;
import java.util.List;

/** The shared outbound factory as configured in development (loopback trusted) and in production (nothing trusted). */
public final class Outbound {

    private Outbound() {
    }

    public static OutboundHttp trustingLoopback() {
        return new OutboundHttp(new OutboundProperties(List.of("localhost", "127.0.0.1", "::1")));
    }

    public static OutboundHttp trustingNothing() {
        return new OutboundHttp(new OutboundProperties(List.of()));
    }
}
