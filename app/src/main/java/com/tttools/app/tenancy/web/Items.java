package com.tttools.app.tenancy.web;

import java.util.List;

/** A list answer; tenancy lists are small (members, workspaces), so they come in one page. */
record Items<T>(List<T> items, String nextCursor) {

    static <T> Items<T> of(List<T> items) {
        return new Items<>(items, null);
    }
}
