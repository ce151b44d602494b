package com.tttools.app.identity.web;

import com.tttools.app.identity.password.AcceptablePassword;
import com.tttools.app.shared.validation.EmailAddress;
import com.tttools.app.shared.validation.PersonName;

/** The sign-up form as posted ({@code next}: where to go afterwards, checked by {@link SafeRedirects}). */
@AcceptablePassword
record SignUpForm(@PersonName String name, @EmailAddress String email, String password, String next)
        implements AcceptablePassword.Candidate {
}
