package com.tttools.app.privacy.export;

import java.time.Instant;
import org.springframework.stereotype.Component;

/** Drops the bytes of exports whose download window has closed (called by the daily privacy task). */
@Component
public class ExportExpiry {

    private final ExportStore store;

    ExportExpiry(ExportStore store) {
        this.store = store;
    }

    public int dropExpired(Instant now) {
        return store.dropExpired(now);
    }

    public int deleteAllOf(java.util.UUID owner) {
        return store.deleteAllOf(owner);
    }
}
