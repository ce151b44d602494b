package com.tttools.app.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
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
import com.tttools.app.identity.consent.PolicyConsents;
import com.tttools.app.identity.password.PasswordPolicy;
import com.tttools.app.identity.security.SignIn;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.UserId;
import com.tttools.app.support.WebSlice;
import com.tttools.app.tenancy.TenantAccess;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The API's sign-up body: a validated request record, its problems by field in the problem format. */
@WebMvcTest(AuthApiController.class)
@ActiveProfiles("test")
@Import({WebSlice.Settings.class, PasswordPolicy.class})
// TenantAccess stands for what tenancy's web interceptors read
@MockitoBean(types = {AccountService.class, LoginService.class, SignIn.class, RateLimiter.class, SecurityEvents.class,
        CsrfTokenRepository.class, PolicyConsents.class, TenantAccess.class})
class AuthApiControllerSliceTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    RateLimiter limiter;

    @BeforeEach
    void withinTheSignUpBudget() {
        when(limiter.consume(any(), any())).thenReturn(new RateLimiter.Decision(true, Duration.ZERO));
    }

    private MvcTestResult signUp(String json) {
        // a principal that is not the app's own reads as "no one signed in", as on the real, public route
        return mvc.post().uri("/api/v1/auth/signup").with(user("visitor")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    @Test
    void invalidFieldsAnswer422ProblemJsonWithEveryProblemByFieldAndNoAccount() throws Exception {
        MvcTestResult result = signUp("{\"name\":\" \",\"email\":\"not-an-email\",\"password\":\"short\"}");

        assertThat(result).hasStatus(422).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[?(@.field == 'name')].message")
                .asArray().containsExactly("must not be empty");
        assertThat(result).bodyJson().extractingPath("$.errors[?(@.field == 'email')].message")
                .asArray().containsExactly("is not a valid email address");
        assertThat(result).bodyJson().extractingPath("$.errors[?(@.field == 'password')].message")
                .asArray().containsExactly("must be at least 12 characters long");
        assertThat(result.getResponse().getContentAsString()).doesNotContain("short");   // never echoed
        verify(accounts, never()).signUp(any(), any(), any(), any());
    }

    @Test
    void missingFieldsAreProblemsOfTheirOwn() {
        MvcTestResult result = signUp("{\"email\":\"a@b.co\"}");

        assertThat(result).hasStatus(422);
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("name", "password");
        verify(accounts, never()).signUp(any(), any(), any(), any());
    }

    @Test
    void thePasswordPolicyReadsTheEmail() {
        MvcTestResult result = signUp("{\"name\":\"X\",\"email\":\"marguerite@example.com\","
                + "\"password\":\"my name is Marguerite!\"}");

        assertThat(result).hasStatus(422);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("password");
        assertThat(result).bodyJson().extractingPath("$.errors[0].message")
                .isEqualTo("must not contain your email address");
    }

    @Test
    void aValidSignUpIs201WithTheUser() {
        when(accounts.signUp(eq("new@example.com"), eq("a long passphrase here"), eq("New Person"), any())).thenReturn(
                new AccountService.SignUp(new UserRecord(UserId.random(), "new@example.com", "New Person", "hash",
                        null, null, Instant.now()), true));

        MvcTestResult result = signUp("{\"name\":\"New Person\",\"email\":\"new@example.com\","
                + "\"password\":\"a long passphrase here\"}");

        assertThat(result).hasStatus(201).bodyJson().extractingPath("$.email").isEqualTo("new@example.com");
    }

    @Test
    void aSignUpBeyondTheNetworksBudgetIs429BeforeValidating() {
        when(limiter.consume(any(), any())).thenReturn(new RateLimiter.Decision(false, Duration.ofMinutes(5)));

        MvcTestResult result = signUp("{\"email\":\"\"}");

        assertThat(result).hasStatus(429).hasHeader("Retry-After", "300");
        assertThat(result.getResponse().getContentAsByteArray()).asString().doesNotContain("errors");
        verify(accounts, never()).signUp(any(), any(), any(), any());
    }
}
