package com.tttools.app.platform.crypto;

/** A configured encryption key is unusable; start-up stops. Messages never contain key material. */
public class InvalidEncryptionKeyException extends RuntimeException {

    public InvalidEncryptionKeyException(String message) {
        super(message);
    }
}
