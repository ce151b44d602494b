package com.tttools.app.platform.database;

/** {@code DATABASE_URL} cannot be understood. The message never repeats the password. */
public class InvalidDatabaseUrlException extends IllegalArgumentException {

    public InvalidDatabaseUrlException(String message) {
        super(message);
    }
}
