package com.tttools.app.identity.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.identity.mfa.TwoFactorService;
import com.tttools.app.identity.security.RecentAuthentication;
import com.tttools.app.shared.audit.RequestMetadata;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/me/two-factor}: set up, confirm, inspect and turn off TOTP sign-in. Every change needs a session
 * with recent password confirmation ({@link RecentAuthentication}); personal access tokens may only read the status.
 */
@RestController
@RequestMapping("/api/v1/me/two-factor")
class TwoFactorApiController {

    record Status(boolean enabled, int unusedRecoveryCodes) {
    }

    record SetupJson(String secret, String otpauthUri) {
        @Override
        public String toString() {
            return "SetupJson[]";
        }
    }

    record CodeRequest(String code) {
        @Override
        public String toString() {
            return "CodeRequest[]";
        }
    }

    record DisableRequest(String password, String code) {
        @Override
        public String toString() {
            return "DisableRequest[]";
        }
    }

    record RecoveryCodes(List<String> recoveryCodes) {
        @Override
        public String toString() {
            return "RecoveryCodes[" + recoveryCodes.size() + "]";
        }
    }

    private final TwoFactorService twoFactor;
    private final RecentAuthentication recent;

    TwoFactorApiController(TwoFactorService twoFactor, RecentAuthentication recent) {
        this.twoFactor = twoFactor;
        this.recent = recent;
    }

    @GetMapping
    Status status(@AuthenticationPrincipal AuthenticatedUser caller) {
        boolean enabled = twoFactor.enabled(caller.id());
        return new Status(enabled, enabled ? twoFactor.unusedRecoveryCodes(caller.id()) : 0);
    }

    @PostMapping
    SetupJson begin(@AuthenticationPrincipal AuthenticatedUser caller, HttpServletRequest request) {
        recent.require(request);
        var setup = twoFactor.begin(caller.id());
        return new SetupJson(setup.secret(), setup.otpauthUri());
    }

    @PostMapping("/confirm")
    RecoveryCodes confirm(@AuthenticationPrincipal AuthenticatedUser caller, @RequestBody CodeRequest body,
            HttpServletRequest request, RequestMetadata metadata) {
        recent.require(request);
        return new RecoveryCodes(twoFactor.confirm(caller.id(), body.code(), metadata));
    }

    @PostMapping("/recovery-codes")
    RecoveryCodes regenerate(@AuthenticationPrincipal AuthenticatedUser caller, @RequestBody CodeRequest body,
            HttpServletRequest request, RequestMetadata metadata) {
        recent.require(request);
        return new RecoveryCodes(twoFactor.regenerateRecoveryCodes(caller.id(), body.code(), metadata));
    }

    @DeleteMapping
    ResponseEntity<Void> disable(@AuthenticationPrincipal AuthenticatedUser caller, @RequestBody DisableRequest body,
            HttpServletRequest request, RequestMetadata metadata) {
        recent.require(request);
        twoFactor.disable(caller.id(), body.password(), body.code(), metadata);
        return ResponseEntity.noContent().build();
    }
}
