package com.tttools.app.platform.mail;

import java.util.Optional;

/**
 * Whose mail the dev mailbox may show: the email address of the user signed in on the current request.
 * Implemented by the identity module (the platform knows no accounts).
 */
public interface MailboxOwner {

    /** The signed-in user's email address; empty for anonymous requests. */
    Optional<String> currentEmail();
}
