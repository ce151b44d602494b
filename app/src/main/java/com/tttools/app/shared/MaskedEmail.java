package com.tttools.app.shared;

/**
 * How an email address appears where it is not the reader's own business: in logs (the records that Spring MVC and
 * Spring Security print at DEBUG say {@code toString} through this) and in lists shown to admins. The first
 * character and the domain stay, so that an operator can still tell accounts apart: {@code a***@example.com}.
 */
public final class MaskedEmail {

    private MaskedEmail() {
    }

    public static String of(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
