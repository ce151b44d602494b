package com.tttools.simulator.data;

import java.util.Arrays;
import java.util.function.LongPredicate;

/** A step function "is this entity delivering at t", built from its few change points. */
public final class Timeline {

    public static final int FULL_DAY = (1 << 24) - 1;

    private final long[] points;
    private final boolean[] active;

    private Timeline(long[] points, boolean[] active) {
        this.points = points;
        this.active = active;
    }

    public static Timeline build(LongPredicate activeAt, long[] candidates) {
        long[] sorted = Arrays.stream(candidates).filter(p -> p >= 0).sorted().distinct().toArray();
        boolean[] state = new boolean[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            state[i] = activeAt.test(sorted[i]);
        }
        return new Timeline(sorted, state);
    }

    public boolean activeAt(long t) {
        int i = segment(t);
        return i >= 0 && active[i];
    }

    private int segment(long t) {
        int pos = Arrays.binarySearch(points, t);
        return pos >= 0 ? pos : -pos - 2;
    }

    /** Bit h set when the entity delivers at the start of hour h (hourStarts are epoch seconds). */
    public int mask(long[] hourStarts, int hours) {
        int first = segment(hourStarts[0]);
        int last = segment(hourStarts[hours - 1]);
        if (first == last) {
            return first >= 0 && active[first] ? (1 << hours) - 1 : 0;
        }
        int mask = 0;
        for (int h = 0; h < hours; h++) {
            if (activeAt(hourStarts[h])) {
                mask |= 1 << h;
            }
        }
        return mask;
    }
}
