package com.tttools.simulator.data;

/** Stateless, seedable hashing (SplitMix64 finaliser): every generated value is a pure function of its key. */
public final class Hash {

    private Hash() {
    }

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    public static long of(long seed, long a, long b, long c) {
        return mix(seed * 0x9E3779B97F4A7C15L + mix(a * 0xC2B2AE3D27D4EB4FL + mix(b * 0x165667B19E3779F9L + c)));
    }

    /** Uniform in [0, 1). */
    public static double u(long seed, long a, long b, long c) {
        return (of(seed, a, b, c) >>> 11) * 0x1.0p-53;
    }

    /** Uniform integer in [min, max]. */
    public static int between(long seed, long a, long b, long c, int min, int max) {
        return min + (int) Math.floorMod(of(seed, a, b, c), (long) (max - min + 1));
    }
}
