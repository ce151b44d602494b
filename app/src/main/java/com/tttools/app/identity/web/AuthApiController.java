package com.tttools.app.identity.web;

import com.tttools.app.shared.MaskedEmail;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.identity.SecurityEventTypes;
import com.tttools.app.identity.account.AccountService;
import com.tttools.app.identity.account.LoginLimits;
import com.tttools.app.identity.account.LoginResult;
import com.tttools.app.identity.account.LoginService;
import com.tttools.app.identity.account.SecurityEvents;
import com.tttools.app.identity.account.UserRecord;
import com.tttools.app.identity.password.AcceptablePassword;
import com.tttools.app.identity.security.SignIn;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.platform.web.Problems;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.validation.EmailAddress;
import com.tttools.app.shared.validation.PersonName;
import jakarta.validation.Valid;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/auth}: CSRF token, sign-up, login, logout, email verification and password reset. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthApiController {

    static final String INVALID_CREDENTIALS = "The email or password is incorrect.";

    record CsrfResponse(String headerName, String token) {
        @Override
        public String toString() {
            return "CsrfResponse[headerName=" + headerName + "]";
        }
    }

    /** The API's sign-up body: the same constraints as the page's {@link SignUpForm}. */
    @AcceptablePassword
    record SignupRequest(@EmailAddress String email, String password, @PersonName String name)
            implements AcceptablePassword.Candidate {
        @Override
        public String toString() {
            return "SignupRequest[email=" + MaskedEmail.of(email) + "]";
        }
    }

    record LoginRequest(String email, String password, String totpCode) {
        @Override
        public String toString() {
            return "LoginRequest[email=" + MaskedEmail.of(email) + "]";
        }
    }

    record TokenRequest(String token) {
        @Override
        public String toString() {
            return "TokenRequest[]";
        }
    }

    record PasswordResetRequest(String email) {
        @Override
        public String toString() {
            return "PasswordResetRequest[email=" + MaskedEmail.of(email) + "]";
        }
    }

    record PasswordResetConfirmation(String token, String newPassword) {
        @Override
        public String toString() {
            return "PasswordResetConfirmation[]";
        }
    }

    private final AccountService accounts;
    private final LoginService logins;
    private final SignIn signIn;
    private final RateLimiter limiter;
    private final SecurityEvents securityEvents;
    private final CsrfTokenRepository csrfTokens;

    AuthApiController(AccountService accounts, LoginService logins, SignIn signIn, RateLimiter limiter,
            SecurityEvents securityEvents, CsrfTokenRepository csrfTokens) {
        this.accounts = accounts;
        this.logins = logins;
        this.signIn = signIn;
        this.limiter = limiter;
        this.securityEvents = securityEvents;
        this.csrfTokens = csrfTokens;
    }

    /** The raw token for the {@code X-XSRF-TOKEN} header; the {@code XSRF-TOKEN} cookie is set alongside. */
    @GetMapping("/csrf")
    CsrfResponse csrf(HttpServletRequest request, HttpServletResponse response) {
        CsrfToken token = csrfTokens.loadDeferredToken(request, response).get();
        return new CsrfResponse(token.getHeaderName(), token.getToken());
    }

    /**
     * 201 with the {@code {user}} and a new session; for an address that already has an account the answer looks
     * the same (a stand-in user, a new but signed-out session) and the owner is emailed instead. Counted against
     * the network's sign-up budget before anything else (invalid attempts too, as on the page); invalid fields
     * answer 422 with the problems by field.
     */
    @PostMapping("/signup")
    ResponseEntity<?> signup(@Valid @RequestBody SignupRequest body, BindingResult errors, HttpServletRequest request,
            HttpServletResponse response, RequestMetadata metadata) {
        RateLimiter.Decision decision = limiter.consume(LoginLimits.SIGNUPS_PER_IP, metadata.ip());
        if (!decision.allowed()) {
            securityEvents.publish(SecurityEventTypes.RATE_LIMITED, null, null, Map.of("limit", "signup-ip"), metadata);
            return tooManyRequests(request, decision.retryAfter());
        }
        if (errors.hasErrors()) {
            throw new ValidationFailedException(errors.getFieldErrors().stream()
                    .map(e -> new FieldProblem(e.getField(), e.getDefaultMessage())).toList());
        }
        AccountService.SignUp outcome = accounts.signUp(body.email(), body.password(), body.name(), metadata);
        if (outcome.created()) {
            signIn.signIn(outcome.user(), request, response);
        } else {
            signIn.startAnonymousSession(request);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(UserJson.of(outcome.user()));
    }

    @PostMapping("/login")
    ResponseEntity<?> login(@RequestBody LoginRequest body, HttpServletRequest request, HttpServletResponse response,
            RequestMetadata metadata) {
        LoginResult result = logins.authenticate(body.email(), body.password(), body.totpCode(), metadata);
        if (result instanceof LoginResult.Succeeded ok) {
            signIn.signIn(ok.user(), request, response);
            return ok.restored()
                    ? ResponseEntity.ok().header("X-Account-Restored", "true").body(UserJson.of(ok.user()))
                    : ResponseEntity.ok(UserJson.of(ok.user()));
        }
        if (result instanceof LoginResult.SecondFactorRequired) {
            ProblemDetail problem = Problems.problem(HttpStatus.UNAUTHORIZED,
                    "Enter the code from your authenticator app (or a recovery code) as totpCode.", request,
                    request.getRequestURI());
            problem.setProperty("secondFactorRequired", true);
            return Problems.response(problem);
        }
        if (result instanceof LoginResult.Throttled throttled) {
            return tooManyRequests(request, throttled.retryAfter());
        }
        return Problems.response(Problems.problem(HttpStatus.UNAUTHORIZED, INVALID_CREDENTIALS, request,
                request.getRequestURI()));
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(@AuthenticationPrincipal AuthenticatedUser user, HttpServletRequest request,
            RequestMetadata metadata) {
        if (user != null) {
            securityEvents.publish(SecurityEventTypes.LOGOUT, user.id(), user.email(), Map.of(), metadata);
        }
        signIn.signOut(request);
        return ResponseEntity.noContent().header("Clear-Site-Data", "\"cookies\", \"storage\"").build();
    }

    @PostMapping("/verify-email")
    ResponseEntity<Void> verifyEmail(@RequestBody TokenRequest body, RequestMetadata metadata) {
        accounts.verifyEmail(body.token(), metadata);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/verify-email/resend")
    ResponseEntity<?> resendVerification(@AuthenticationPrincipal AuthenticatedUser user, HttpServletRequest request) {
        if (user == null) {
            return Problems.response(Problems.problem(HttpStatus.UNAUTHORIZED, "Log in first.", request,
                    request.getRequestURI()));
        }
        RateLimiter.Decision decision = limiter.consume(LoginLimits.VERIFICATION_RESENDS_PER_USER, user.id().toString());
        if (!decision.allowed()) {
            return tooManyRequests(request, decision.retryAfter());
        }
        accounts.resendVerification(user.id());
        return ResponseEntity.accepted().build();
    }

    /** 202 whatever happens, so the answer never tells whether the email has an account. */
    @PostMapping("/password-reset")
    ResponseEntity<Void> requestPasswordReset(@RequestBody PasswordResetRequest body, RequestMetadata metadata) {
        String key = body.email() == null ? "" : body.email().strip().toLowerCase(java.util.Locale.ROOT);
        if (limiter.consume(LoginLimits.RESETS_PER_EMAIL, key).allowed()) {
            accounts.requestPasswordReset(body.email(), metadata);
        }
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/password-reset/confirm")
    ResponseEntity<Void> confirmPasswordReset(@RequestBody PasswordResetConfirmation body,
            RequestMetadata metadata) {
        accounts.confirmPasswordReset(body.token(), body.newPassword(), metadata);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ProblemDetail> tooManyRequests(HttpServletRequest request, Duration retryAfter) {
        ProblemDetail problem = Problems.problem(HttpStatus.TOO_MANY_REQUESTS,
                Problems.defaultDetail(429, request.getMethod(), request.getRequestURI()), request, request.getRequestURI());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.toSeconds()))
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
