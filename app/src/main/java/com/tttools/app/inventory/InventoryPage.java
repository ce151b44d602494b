package com.tttools.app.inventory;

import java.util.List;

/** A page of a collection, with the number of entities matching the filters (all pages together). */
public record InventoryPage(List<InventoryItem> items, String nextCursor, long total) {
}
