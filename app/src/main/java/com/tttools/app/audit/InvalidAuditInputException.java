package com.tttools.app.audit;

import com.tttools.app.shared.ValidationFailedException;

/**
 * A value given to the audit API is not acceptable (a malformed cursor, a retention out of range). A
 * {@link ValidationFailedException}, so any JSON controller answers 422 with the field.
 */
public class InvalidAuditInputException extends ValidationFailedException {

    private final String field;
    private final String reason;

    public InvalidAuditInputException(String field, String message) {
        super(field, message);
        this.field = field;
        this.reason = message;
    }

    public String field() {
        return field;
    }

    @Override
    public String getMessage() {
        return reason;
    }
}
