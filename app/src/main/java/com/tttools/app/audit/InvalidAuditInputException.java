package com.tttools.app.audit;

/** A value given to the audit API is not acceptable (a malformed cursor, a retention out of range): answer 422. */
public class InvalidAuditInputException extends RuntimeException {

    private final String field;

    public InvalidAuditInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
