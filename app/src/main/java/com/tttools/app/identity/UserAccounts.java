package com.tttools.app.identity;

import com.tttools.app.shared.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Read access to accounts for other modules (members lists, invitations, audit actors). */
public interface UserAccounts {

    Optional<UserSummary> find(UserId id);

    /** In no particular order; unknown ids are left out. */
    List<UserSummary> findAll(Collection<UserId> ids);

    Optional<UserSummary> findByEmail(String email);
}
