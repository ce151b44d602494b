package com.tttools.simulator.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.tttools.simulator.data.World;

/**
 * Keeps the computed rows of the last few report queries so that a client paging through one
 * result does not recompute it for every page. The key is the whole validated query plus the world,
 * its write version and the clock second, so any write, reset or clock move is a miss.
 */
public final class ReportCache {

    private static final int ENTRIES = 4;
    /** About 400 bytes per row: 4 x 60,000 rows stay under 100 MB. */
    private static final int MAX_ROWS = 60_000;

    private record Key(ReportQuery query, World world, long version, long now) {
    }

    private final Map<Key, List<ReportEngine.Row>> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, List<ReportEngine.Row>> eldest) {
            return size() > ENTRIES;
        }
    };

    public List<ReportEngine.Row> rows(ReportQuery q, World world, long now) {
        Key key = new Key(q, world, world.version(), now);
        synchronized (entries) {
            List<ReportEngine.Row> hit = entries.get(key);
            if (hit != null) {
                return hit;
            }
        }
        List<ReportEngine.Row> rows = ReportEngine.rows(q, world, now);
        if (rows.size() <= MAX_ROWS) {
            synchronized (entries) {
                entries.put(key, rows);
            }
        }
        return rows;
    }

    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
