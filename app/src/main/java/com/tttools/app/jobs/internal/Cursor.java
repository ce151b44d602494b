package com.tttools.app.jobs.internal;

import com.tttools.app.shared.Cursors;
import com.tttools.app.shared.JobId;
import java.time.Instant;
import java.util.List;

/** Keyset position (created_at, id) of a newest-first list, in the shared cursor format. Garbage answers 422. */
record Cursor(Instant createdAt, JobId id) {

    private static final String LIST = "jobs";

    String encode() {
        return Cursors.encode(LIST, Cursors.instant(createdAt), id.toString());
    }

    static Cursor decode(String value) {
        List<String> fields = Cursors.decode(value, LIST, 2);
        return fields == null ? null : new Cursor(Cursors.instant(fields.get(0)), new JobId(Cursors.uuid(fields.get(1))));
    }
}
