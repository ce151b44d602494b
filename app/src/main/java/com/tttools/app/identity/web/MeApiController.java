package com.tttools.app.identity.web;

import com.tttools.app.shared.MaskedEmail;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import com.tttools.app.shared.validation.EmailAddress;
import com.tttools.app.shared.validation.PersonName;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.identity.MembershipDirectory;
import com.tttools.app.identity.SecurityEventTypes;
import com.tttools.app.identity.account.AccountService;
import com.tttools.app.identity.account.SecurityEvents;
import com.tttools.app.identity.account.UserRecord;
import com.tttools.app.identity.account.UserRepository;
import com.tttools.app.identity.security.RecentAuthentication;
import com.tttools.app.identity.session.UserSessions;
import com.tttools.app.identity.token.PersonalAccessTokens;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.ValidationFailedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/me}: the caller's profile, password and email, sessions and personal access tokens. */
@RestController
@RequestMapping("/api/v1/me")
class MeApiController {

    record MeJson(String id, String email, String name, boolean emailVerified, boolean twoFactorEnabled,
            List<MembershipDirectory.OrganizationMembership> organizations) {
        @Override
        public String toString() {
            return "MeJson[id=" + id + ", email=" + MaskedEmail.of(email) + "]";
        }
    }

    /** Only the fields sent change: a missing (null) name leaves the name as it is. */
    record ProfilePatch(@PersonName(absentMeansUnchanged = true) String name) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[]";
        }
    }

    record EmailChange(@EmailAddress String email, @NotBlank(message = "must not be empty") String currentPassword) {
        @Override
        public String toString() {
            return "EmailChange[email=" + MaskedEmail.of(email) + "]";
        }
    }

    record TokenRequest(String name, Boolean readOnly, Instant expiresAt) {
    }

    record CreatedToken(String id, String name, boolean readOnly, Instant expiresAt, String token) {
        @Override
        public String toString() {
            return "CreatedToken[id=" + id + "]";
        }
    }

    record Items<T>(List<T> items) {
    }

    record Reauthentication(String password, String code) {
        @Override
        public String toString() {
            return "Reauthentication[]";
        }
    }

    private final UserRepository users;
    private final AccountService accounts;
    private final UserSessions sessions;
    private final PersonalAccessTokens tokens;
    private final SecurityEvents securityEvents;
    private final ObjectProvider<MembershipDirectory> memberships;
    private final ObjectProvider<com.tttools.app.identity.account.SecondFactor> secondFactor;
    private final RecentAuthentication recent;

    MeApiController(UserRepository users, AccountService accounts, UserSessions sessions, PersonalAccessTokens tokens,
            SecurityEvents securityEvents, ObjectProvider<MembershipDirectory> memberships,
            ObjectProvider<com.tttools.app.identity.account.SecondFactor> secondFactor, RecentAuthentication recent) {
        this.users = users;
        this.accounts = accounts;
        this.sessions = sessions;
        this.tokens = tokens;
        this.securityEvents = securityEvents;
        this.memberships = memberships;
        this.secondFactor = secondFactor;
        this.recent = recent;
    }

    @GetMapping
    MeJson me(@AuthenticationPrincipal AuthenticatedUser caller) {
        UserRecord user = users.findById(caller.id()).orElseThrow(() -> new NotFoundException("User"));
        var directory = memberships.getIfAvailable();
        var factor = secondFactor.getIfAvailable();
        return new MeJson(user.id().toString(), user.email(), user.name(), user.emailVerified(),
                factor != null && factor.enabled(user.id()),
                directory == null ? List.of() : directory.organizationsOf(user.id()));
    }

    @PatchMapping
    UserJson patch(@AuthenticationPrincipal AuthenticatedUser caller, @Valid @RequestBody ProfilePatch body,
            RequestMetadata metadata) {
        UserRecord user = body.name() == null
                ? users.findById(caller.id()).orElseThrow(() -> new NotFoundException("User"))
                : accounts.changeName(caller.id(), body.name(), metadata);
        return UserJson.of(user);
    }

    @PostMapping("/password")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequestBody PasswordChange body, HttpServletRequest request, RequestMetadata metadata) {
        HttpSession session = request.getSession(false);
        accounts.changePassword(caller.id(), body.currentPassword(), body.newPassword(),
                session == null ? null : session.getId(), metadata);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/email")
    ResponseEntity<Void> changeEmail(@AuthenticationPrincipal AuthenticatedUser caller,
            @Valid @RequestBody EmailChange body) {
        accounts.requestEmailChange(caller.id(), body.email(), body.currentPassword());
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/sessions")
    Items<UserSessions.SessionView> sessions(@AuthenticationPrincipal AuthenticatedUser caller,
            HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return new Items<>(sessions.list(caller.id(), session == null ? null : session.getId()));
    }

    /**
     * Proves the password (or, with two-factor sign-in on, a code) again in this session, which opens the
     * reauthentication window for account-security actions. Sessions only: a personal access token gets 403.
     */
    @PostMapping("/reauthenticate")
    ResponseEntity<Void> reauthenticate(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequestBody Reauthentication body, HttpServletRequest request) {
        recent.confirm(caller, body.password(), body.code(), request);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/sessions/{id}")
    ResponseEntity<Void> revokeSession(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String id,
            HttpServletRequest request, RequestMetadata metadata) {
        recent.require(request);
        sessions.revoke(caller.id(), id);
        securityEvents.publish(SecurityEventTypes.SESSION_REVOKED, caller.id(), caller.email(), Map.of(), metadata);
        return ResponseEntity.noContent().build();
    }

    /** Ends every session but the current one ("sign out everywhere else"). */
    @DeleteMapping("/sessions")
    ResponseEntity<Void> revokeOtherSessions(@AuthenticationPrincipal AuthenticatedUser caller,
            HttpServletRequest request, RequestMetadata metadata) {
        recent.require(request);
        HttpSession session = request.getSession(false);
        int ended = sessions.endAllSessions(caller.id(), session == null ? null : session.getId());
        securityEvents.publish(SecurityEventTypes.SESSION_REVOKED, caller.id(), caller.email(),
                Map.of("count", String.valueOf(ended)), metadata);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/tokens")
    ResponseEntity<CreatedToken> createToken(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequestBody TokenRequest body, HttpServletRequest request, RequestMetadata metadata) {
        recent.require(request);
        if (body == null) {
            throw new ValidationFailedException("name", "must not be empty");
        }
        var created = tokens.create(caller.id(), body.name(), Boolean.TRUE.equals(body.readOnly()), body.expiresAt(), metadata);
        var view = created.token();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CreatedToken(view.id(), view.name(), view.readOnly(), view.expiresAt(), created.secret()));
    }

    @GetMapping("/tokens")
    Items<PersonalAccessTokens.TokenView> tokens(@AuthenticationPrincipal AuthenticatedUser caller) {
        return new Items<>(tokens.list(caller.id()));
    }

    @DeleteMapping("/tokens/{id}")
    ResponseEntity<Void> revokeToken(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String id,
            RequestMetadata request) {
        tokens.revoke(caller.id(), id, request);
        return ResponseEntity.noContent().build();
    }
}
