package com.tttools.simulator.api;

import java.util.Set;

/** One API endpoint: allowed methods, whether it needs Access-Token, the permission scope it belongs to. */
record Route(Set<String> methods, boolean needsToken, int scope, Handler handler) {

    @FunctionalInterface
    interface Handler {
        Object handle(Call call);
    }
}
