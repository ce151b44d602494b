package com.tttools.app.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.tttools.app.identity.account.AccountService;
import com.tttools.app.identity.account.LoginService;
import com.tttools.app.identity.account.SecurityEvents;
import com.tttools.app.identity.account.UserRecord;
import com.tttools.app.identity.account.UserRepository;
import com.tttools.app.identity.consent.PolicyConsents;
import com.tttools.app.identity.password.PasswordPolicy;
import com.tttools.app.identity.security.SignIn;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.support.WebSlice;
import com.tttools.app.tenancy.core.TenantAccessService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The sign-up and new-password forms: bound to request records, each problem next to its field. */
@WebMvcTest(AuthPagesController.class)
@ActiveProfiles("test")
@Import({WebSlice.Settings.class, WebSlice.Layout.class, PasswordPolicy.class})
// TenantAccessService stands for the TenantAccess of tenancy's web interceptors and the layout's switcher
@MockitoBean(types = {AccountService.class, LoginService.class, SignIn.class, UserRepository.class, RateLimiter.class,
        SecurityEvents.class, PolicyConsents.class, TenantAccessService.class,
        com.tttools.app.tenancy.core.MembershipSnapshots.class})
class AuthPagesControllerSliceTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    RateLimiter limiter;
    @Autowired
    com.tttools.app.tenancy.core.MembershipSnapshots snapshots;

    /** The switcher's memberships: a user in no organization yet. */
    @org.junit.jupiter.api.BeforeEach
    void noMemberships() {
        org.mockito.Mockito.when(snapshots.of(org.mockito.ArgumentMatchers.any()))
                .thenReturn(new com.tttools.app.tenancy.core.MembershipSnapshots.Snapshot(java.util.List.of()));
    }

    @BeforeEach
    void withinTheSignUpBudget() {
        when(limiter.consume(any(), any())).thenReturn(new RateLimiter.Decision(true, Duration.ZERO));
    }

    /**
     * The slice's default security wants a login for every page; a principal that is not the app's own reads as "no
     * one signed in" to these handlers, as on the real, public pages.
     */
    private static RequestPostProcessor visitor() {
        return user("visitor");
    }

    private MvcTestResult post(String path, String form) {
        return mvc.post().uri(path).with(visitor()).with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED).content(form)
                .exchange();
    }

    private static String page(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void invalidSignUpFieldsAnswer422WithEveryProblemNextToItsFieldAndNoAccount() throws Exception {
        MvcTestResult result = post("/signup", "name=+&email=not-an-email&password=short");

        assertThat(result).hasStatus(422);
        assertThat(page(result)).containsPattern("id=\"name-error\"[^>]*>Name must not be empty<")
                .containsPattern("id=\"email-error\"[^>]*>Email is not a valid email address<")
                .containsPattern("id=\"password-error\"[^>]*>Password must be at least 12 characters long<")
                .contains("aria-describedby=\"name-error\"").contains("aria-invalid=\"true\"")
                .contains("value=\"not-an-email\"")
                .doesNotContain("value=\"short\"");   // a password is never sent back
        verify(accounts, never()).signUp(any(), any(), any(), any());
    }

    @Test
    void thePasswordPolicyReadsTheEmail() throws Exception {
        MvcTestResult common = post("/signup", "name=X&email=a%40example.com&password=qwerty123456");
        assertThat(common).hasStatus(422);
        assertThat(page(common)).contains("Password is one of the most commonly used passwords; choose another");

        MvcTestResult withEmail = post("/signup", "name=X&email=marguerite%40example.com&password=my+name+is+Marguerite%21");
        assertThat(page(withEmail)).contains("Password must not contain your email address");
        verify(accounts, never()).signUp(any(), any(), any(), any());
    }

    @Test
    void aValidSignUpCreatesTheAccountAndGoesWhereNextSays() {
        when(accounts.signUp(eq("new@example.com"), eq("a long passphrase here"), eq("New Person"), any())).thenReturn(
                new AccountService.SignUp(new UserRecord(UserId.random(), "new@example.com", "New Person", "hash",
                        null, null, Instant.now()), true));

        assertThat(post("/signup", "name=New+Person&email=new%40example.com&password=a+long+passphrase+here"
                + "&next=%2Faccount")).hasStatus(302).hasRedirectedUrl("/account");
    }

    @Test
    void aSignUpBeyondTheNetworksBudgetIs429WithoutValidating() throws Exception {
        when(limiter.consume(any(), any())).thenReturn(new RateLimiter.Decision(false, Duration.ofMinutes(5)));

        MvcTestResult result = post("/signup", "name=&email=&password=");

        assertThat(result).hasStatus(429);
        assertThat(page(result)).contains("Too many sign-ups from your network").doesNotContain("field-error");
    }

    @Test
    void theEmptySignUpFormMarksNoFieldInvalid() throws Exception {
        MvcTestResult result = mvc.get().uri("/signup").with(visitor()).exchange();

        assertThat(result).hasStatus(200);
        assertThat(page(result)).doesNotContain("aria-invalid").doesNotContain("field-error");
    }

    @Test
    void aRefusedNewPasswordIsShownNextToItsFieldAndAnUnusableLinkOffersANewOne() throws Exception {
        when(accounts.isPasswordResetUsable(anyString())).thenReturn(true);
        org.mockito.Mockito.doThrow(new ValidationFailedException("newPassword", "must be at least 12 characters long"))
                .when(accounts).confirmPasswordReset(eq("tok"), eq("short"), any());
        org.mockito.Mockito.doThrow(new ValidationFailedException("token", "is invalid or expired"))
                .when(accounts).confirmPasswordReset(eq("used"), eq("a long passphrase here"), any());
        when(accounts.passwordResetLinkState("used")).thenReturn(com.tttools.app.identity.account.EmailTokens.LinkState.USED);

        MvcTestResult refused = post("/reset-password", "token=tok&newPassword=short");
        assertThat(refused).hasStatus(422);
        assertThat(page(refused)).containsPattern("id=\"newPassword-error\"[^>]*>Password must be at least 12 characters long<")
                .contains("aria-invalid=\"true\"").doesNotContain("id=\"reset-link-unusable\"");

        MvcTestResult unusable = post("/reset-password", "token=used&newPassword=a+long+passphrase+here");
        assertThat(unusable).hasStatus(422);
        assertThat(page(unusable)).contains("id=\"reset-link-unusable\"").contains("This link was already used.")
                .doesNotContain("newPassword-error");
    }
}
