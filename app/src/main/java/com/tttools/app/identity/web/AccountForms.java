package com.tttools.app.identity.web;

import com.tttools.app.shared.validation.EmailAddress;
import com.tttools.app.shared.validation.PersonName;
import jakarta.validation.constraints.NotBlank;

/** The account page's profile forms as posted, checked by Bean Validation before the account service sees them. */
final class AccountForms {

    private AccountForms() {
    }

    /** {@code POST /account/name}. */
    record NameForm(@PersonName String name) {
    }

    /** {@code POST /account/email}: the new address and the current password that proves it is the owner asking. */
    record EmailChangeForm(@EmailAddress String email, @NotBlank(message = "must not be empty") String currentPassword) {

        /** The form shown again after a refusal: the address as typed, never the password. */
        EmailChangeForm withoutPassword() {
            return new EmailChangeForm(email, null);
        }

        @Override
        public String toString() {
            return "EmailChangeForm[email=" + email + "]";
        }
    }
}
