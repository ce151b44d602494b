package com.tttools.app.shared;

/** The request conflicts with the current state (answered 409). The message is safe to show to the caller. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
