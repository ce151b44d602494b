package com.tttools.app.identity.web;

import com.tttools.app.audit.ActorNames;
import com.tttools.app.identity.UserAccounts;
import com.tttools.app.identity.UserSummary;
import com.tttools.app.identity.account.LoginService;
import com.tttools.app.identity.account.SecondFactor;
import com.tttools.app.identity.account.UserRecord;
import com.tttools.app.identity.account.UserRepository;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.RequestMetadata;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** The identity module's read facade for other modules. */
@Service
class UserAccountsFacade implements UserAccounts, ActorNames {

    private final UserRepository users;
    private final ObjectProvider<SecondFactor> secondFactor;
    private final LoginService logins;

    UserAccountsFacade(UserRepository users, ObjectProvider<SecondFactor> secondFactor, LoginService logins) {
        this.users = users;
        this.secondFactor = secondFactor;
        this.logins = logins;
    }

    @Override
    public CredentialCheck checkCredentials(UserId id, String password, String secondFactorCode,
            RequestMetadata request) {
        return logins.checkCredentials(id, password, secondFactorCode, request);
    }

    @Override
    public Optional<UserSummary> find(UserId id) {
        return users.findById(id).map(this::summary);
    }

    @Override
    public List<UserSummary> findAll(Collection<UserId> ids) {
        return users.findAll(ids).stream().map(this::summary).toList();
    }

    /** Also the audit page's {@link ActorNames}: one query, without the per-user two-factor look-up. */
    @Override
    public Map<UserId, String> displayNames(Collection<UserId> ids) {
        return users.displayNames(ids);
    }

    @Override
    public Optional<UserSummary> findByEmail(String email) {
        return email == null ? Optional.empty() : users.findByEmail(email).map(this::summary);
    }

    private UserSummary summary(UserRecord user) {
        SecondFactor factor = secondFactor.getIfAvailable();
        return new UserSummary(user.id(), user.email(), user.name(), user.emailVerified(),
                factor != null && factor.enabled(user.id()));
    }
}
