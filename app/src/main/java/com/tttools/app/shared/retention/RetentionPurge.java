package com.tttools.app.shared.retention;

/**
 * Deletes the rows of one data class that have outlived their retention. The module that owns the rows
 * implements it (as a bean); the privacy module's daily purge calls every implementation once a day, with the
 * cutoffs it computed from its retention catalogue and the organizations' settings.
 * <p>
 * Implementations delete in statements of at most {@code batchSize} rows each (no long transaction, no lock
 * on the whole table) and are idempotent: a second call with the same cutoffs deletes nothing.
 */
public interface RetentionPurge {

    /** The data class whose rows this purge deletes, e.g. {@code jobs} (docs/retention.md lists them). */
    String dataClass();

    /**
     * Deletes every row of the class older than its cutoff.
     *
     * @param cutoffs   where the class's retention ends (per organization for configurable classes)
     * @param batchSize the most rows one statement may delete (at most 5,000)
     * @return the number of rows deleted
     */
    long purge(RetentionCutoffs cutoffs, int batchSize);
}
