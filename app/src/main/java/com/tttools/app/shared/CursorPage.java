package com.tttools.app.shared;

import java.util.List;

/** One page of a list answered with cursor paging: {@code {"items": [...], "nextCursor": "..." | null}}. */
public record CursorPage<T>(List<T> items, String nextCursor) {

    public CursorPage {
        items = List.copyOf(items);
    }
}
