package com.tttools.app.shared;

/**
 * Something does not exist, or exists in a tenant the caller does not belong to: both answer 404 so that
 * existence is never revealed.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
