package com.tttools.app.shared;

/** Authenticated, inside the tenant, but lacking the role (answered 403). Never used across tenants: that is 404. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
