package com.tttools.app.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.tttools.app.identity.account.AccountService;
import com.tttools.app.identity.account.SecurityEvents;
import com.tttools.app.identity.account.UserRecord;
import com.tttools.app.identity.account.UserRepository;
import com.tttools.app.identity.consent.PolicyConsents;
import com.tttools.app.identity.security.RecentAuthentication;
import com.tttools.app.identity.session.UserSessions;
import com.tttools.app.identity.token.PersonalAccessTokens;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.WebSlice;
import com.tttools.app.tenancy.TenantAccess;
import java.time.Instant;
import java.util.Optional;
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

/**
 * {@code PATCH /api/v1/me}: a partial update whose name is validated by the request record. A missing name leaves the
 * name unchanged; a present one must be a person's name, refused as a 422 problem by field before the service runs.
 */
@WebMvcTest(MeApiController.class)
@ActiveProfiles("test")
@Import(WebSlice.Settings.class)
@MockitoBean(types = {UserRepository.class, AccountService.class, UserSessions.class, PersonalAccessTokens.class,
        SecurityEvents.class, RecentAuthentication.class, RateLimiter.class, CsrfTokenRepository.class,
        TenantAccess.class, PolicyConsents.class})
class MeApiControllerSliceTest {

    private static final UserRecord ME = new UserRecord(WebSlice.CALLER.id(), WebSlice.CALLER.email(), "Slice Caller",
            "hash", null, null, Instant.now());

    @Autowired
    MockMvcTester mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    UserRepository users;

    private MvcTestResult patch(String json) {
        return mvc.patch().uri("/api/v1/me").with(WebSlice.signedIn()).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    @Test
    void aBlankOrOverlongNameIs422ProblemJsonByFieldAndNothingChanges() {
        MvcTestResult blank = patch("{\"name\":\"   \"}");
        assertThat(blank).hasStatus(422).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(blank).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
        assertThat(blank).bodyJson().extractingPath("$.errors[0].message").isEqualTo("must not be empty");

        MvcTestResult overlong = patch("{\"name\":\"" + "x".repeat(201) + "\"}");
        assertThat(overlong).hasStatus(422);
        assertThat(overlong).bodyJson().extractingPath("$.errors[0].message")
                .isEqualTo("must be at most 200 characters long");
        verify(accounts, never()).changeName(any(), any(), any());
    }

    @Test
    void noNameMeansNoChange() {
        when(users.findById(WebSlice.CALLER.id())).thenReturn(Optional.of(ME));

        MvcTestResult result = patch("{}");

        assertThat(result).hasStatus(200).bodyJson().extractingPath("$.name").isEqualTo("Slice Caller");
        verify(accounts, never()).changeName(any(), any(), any());
    }

    @Test
    void aValidNameIsSaved() {
        when(accounts.changeName(eq(WebSlice.CALLER.id()), eq("New Name"), any())).thenReturn(new UserRecord(
                ME.id(), ME.email(), "New Name", "hash", null, null, ME.createdAt()));

        MvcTestResult result = patch("{\"name\":\"New Name\"}");

        assertThat(result).hasStatus(200).bodyJson().extractingPath("$.name").isEqualTo("New Name");
    }
}
