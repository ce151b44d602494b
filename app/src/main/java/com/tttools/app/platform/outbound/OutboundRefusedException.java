package com.tttools.app.platform.outbound;

import java.io.IOException;

/**
 * A request whose target resolves to an internal address was not sent. An I/O failure to the clients (Spring wraps
 * it in {@code ResourceAccessException}), so each reports it the way it reports an unreachable host; the message
 * names the host and the address, never the URL (whose path or query can hold a token).
 */
public class OutboundRefusedException extends IOException {

    OutboundRefusedException(String message) {
        super(message);
    }
}
