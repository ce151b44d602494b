package com.tttools.app.bulk;

public enum ChangeSetStatus {
    AWAITING_APPROVAL, APPROVED, REJECTED, EXPIRED, SCHEDULED, APPLYING, SUCCEEDED, PARTIALLY_SUCCEEDED, FAILED,
    CANCELLED;

    public boolean finished() {
        return this == REJECTED || this == EXPIRED || this == SUCCEEDED || this == PARTIALLY_SUCCEEDED
                || this == FAILED || this == CANCELLED;
    }
}
