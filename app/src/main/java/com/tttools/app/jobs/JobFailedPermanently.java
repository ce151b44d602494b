package com.tttools.app.jobs;

/** A failure that retrying cannot fix (bad input, authorisation revoked): the job fails at once. */
public class JobFailedPermanently extends RuntimeException {

    public JobFailedPermanently(String message) {
        super(message);
    }

    public JobFailedPermanently(String message, Throwable cause) {
        super(message, cause);
    }
}
