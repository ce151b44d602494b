package com.tttools.app.identity;

import com.tttools.app.shared.MaskedEmail;
import com.tttools.app.shared.UserId;
import java.io.Serializable;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in user, as controllers receive it ({@code @AuthenticationPrincipal AuthenticatedUser user}).
 * Its name is the user id, which is also what Spring Session indexes sessions by.
 *
 * @param readOnly true when the request came with a read-only personal access token
 */
public record AuthenticatedUser(UserId id, String email, String name, boolean readOnly)
        implements AuthenticatedPrincipal, Serializable {

    @Override
    public String getName() {
        return id.toString();
    }

    /** Spring Security prints the principal at DEBUG: the address masked, the name left out. */
    @Override
    public String toString() {
        return "AuthenticatedUser[id=" + id + ", email=" + MaskedEmail.of(email) + ", readOnly=" + readOnly + "]";
    }
}
