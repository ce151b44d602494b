package com.tttools.app.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.tttools.app.platform.outbound.OutboundHttp;
import com.tttools.app.platform.outbound.OutboundProperties;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The shared outbound factory as configured in development (loopback trusted) and in production (nothing trusted),
 * and Spring's HTTP client logging at DEBUG for the checks on what it prints.
 */
public final class Outbound {

    private Outbound() {
    }

    public static OutboundHttp trustingLoopback() {
        return new OutboundHttp(new OutboundProperties(List.of("localhost", "127.0.0.1", "::1")));
    }

    public static OutboundHttp trustingNothing() {
        return new OutboundHttp(new OutboundProperties(List.of()));
    }

    /** Runs the calls with Spring's HTTP clients logging at DEBUG, where RestClient prints the bodies it writes. */
    public static void atClientDebug(Calls calls) throws Exception {
        Logger client = (Logger) LoggerFactory.getLogger("org.springframework.web.client");
        Level configured = client.getLevel();
        client.setLevel(Level.DEBUG);
        try {
            calls.run();
        } finally {
            client.setLevel(configured);
        }
    }

    @FunctionalInterface
    public interface Calls {
        void run() throws Exception;
    }
}
