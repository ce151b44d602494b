package com.tttools.app.identity.security;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.platform.mail.MailboxOwner;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The dev mailbox shows the signed-in user's own mail: this tells the platform whose that is. */
@Component
class SignedInMailboxOwner implements MailboxOwner {

    @Override
    public Optional<String> currentEmail() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user) {
            return Optional.ofNullable(user.email());
        }
        return Optional.empty();
    }
}
