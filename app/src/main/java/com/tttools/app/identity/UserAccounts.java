package com.tttools.app.identity;

import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.RequestMetadata;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read access to accounts for other modules (members lists, invitations, audit actors). */
public interface UserAccounts {

    Optional<UserSummary> find(UserId id);

    /** In no particular order; unknown ids are left out. */
    List<UserSummary> findAll(Collection<UserId> ids);

    Optional<UserSummary> findByEmail(String email);

    /**
     * The names of existing accounts, in one query (lists of people: audit actors); unknown ids, erased accounts
     * and accounts without a name are left out.
     */
    Map<UserId, String> displayNames(Collection<UserId> ids);

    /** The outcome of re-confirming an account's credentials before a destructive action. */
    enum CredentialCheck { OK, WRONG_PASSWORD, CODE_REQUIRED, WRONG_CODE }

    /**
     * Checks the password and, when two-factor sign-in is on, the current code (or a recovery code, consumed).
     * Failures count against the account's failed sign-in limit.
     */
    CredentialCheck checkCredentials(UserId id, String password, String secondFactorCode, RequestMetadata request);
}
