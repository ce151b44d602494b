package com.tttools.simulator.api;

import java.util.Set;

/**
 * One API endpoint: allowed methods, whether it needs Access-Token, the permission scope it belongs to, and whether
 * it changes entities (writes are counted per id and can be the target of write faults).
 */
record Route(Set<String> methods, boolean needsToken, int scope, boolean write, Handler handler) {

    @FunctionalInterface
    interface Handler {
        Object handle(Call call);
    }
}
