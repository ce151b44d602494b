package com.tttools.app.reporting;

/** Whether a day's numbers may still change: TikTok revises a day inside its restatement window. */
public enum Finality {
    /** Inside the restatement window, or its last re-pull did not finish: TikTok may still revise it. */
    PROVISIONAL,
    /** Past the window and fully pulled: the numbers are final. */
    SETTLED;

    public static Finality of(boolean settled) {
        return settled ? SETTLED : PROVISIONAL;
    }
}
