package com.tttools.app.platform.crypto;

/**
 * A sealed value could not be opened: unknown key id, tampered bytes, or associated data that does not match
 * (a ciphertext moved to another connection). Deliberately says nothing more.
 */
public class DecryptionFailedException extends RuntimeException {

    public DecryptionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
