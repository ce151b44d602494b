package com.tttools.app.shared.retention;

import java.util.function.IntSupplier;

/** The one loop every {@link RetentionPurge} uses: a bounded DELETE statement repeated until a batch comes up short. */
public final class BatchedDeletes {

    private BatchedDeletes() {
    }

    /**
     * Runs {@code statement} (which deletes at most {@code batchSize} rows and answers how many) until it deletes
     * fewer than {@code batchSize}.
     *
     * @return the rows deleted in all
     */
    public static long repeat(int batchSize, IntSupplier statement) {
        long total = 0;
        int deleted;
        do {
            deleted = statement.getAsInt();
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }
}
