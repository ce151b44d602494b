package com.tttools.app.identity.web;

/**
 * The new-password form of a reset link. The password rules read the account's email, known only from the token,
 * so the reset service checks them; its problems are shown next to the field like constraint violations.
 */
record ResetPasswordForm(String token, String newPassword) {

    ResetPasswordForm {
        token = token == null ? "" : token;
        newPassword = newPassword == null ? "" : newPassword;
    }
}
