package com.tttools.simulator.data;

/** Entity kinds; each has its own id prefix so ids never collide across kinds. */
public enum Level {
    BC(7_080_000_000_000_000_000L),
    ADVERTISER(7_100_000_000_000_000_000L),
    CAMPAIGN(1_700_000_000_000_000L),
    ADGROUP(1_800_000_000_000_000L),
    AD(1_900_000_000_000_000L),
    PIXEL(7_120_000_000_000_000_000L),
    CATALOG(7_200_000_000_000_000_000L),
    AUDIENCE(1_600_000_000_000_000L),
    IDENTITY(7_090_000_000_000_000_000L),
    USER(7_050_000_000_000_000_000L),
    PIXEL_EVENT(7_130_000_000_000_000_000L);

    private static final long STRIDE = 1009;
    final long prefix;

    Level(long prefix) {
        this.prefix = prefix;
    }

    /** Ids are arithmetic so that lookups need no index: prefix + seed part + index * stride. */
    public long id(long seedPart, int index) {
        return prefix + seedPart * 1_000_000_000L + index * STRIDE + 7;
    }

    public int index(long seedPart, String id) {
        if (id == null) {
            return -1;
        }
        long value;
        try {
            value = Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
        long v = value - prefix - seedPart * 1_000_000_000L - 7;
        if (v < 0 || v % STRIDE != 0 || v / STRIDE > Integer.MAX_VALUE) {
            return -1;
        }
        return (int) (v / STRIDE);
    }
}
