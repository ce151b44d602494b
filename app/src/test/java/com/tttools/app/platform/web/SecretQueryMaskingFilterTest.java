package com.tttools.app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SecretQueryMaskingFilterTest {

    @Test
    void secretParametersAreMaskedInTheQueryStringButStillReadable() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth/tiktok/callback");
        request.setQueryString("auth_code=AbC123secret&code=AbC123secret&state=s7a7e-value&advertiser_id=42&Token=xyz");
        request.addParameter("auth_code", "AbC123secret");
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();

        new SecretQueryMaskingFilter().doFilter(request, new MockHttpServletResponse(),
                (req, res) -> seen.set((HttpServletRequest) req));

        assertThat(seen.get().getQueryString())
                .isEqualTo("auth_code=***&code=***&state=***&advertiser_id=42&Token=***");
        assertThat(seen.get().getParameter("auth_code")).isEqualTo("AbC123secret");
    }

    @Test
    void aQueryWithoutSecretsIsLeftAlone() {
        assertThat(SecretQueryMaskingFilter.mask("/workspaces/1/reports",
                "from=2026-01-01&to=2026-01-31&mycode=1&keyword=x"))
                .isEqualTo("from=2026-01-01&to=2026-01-31&mycode=1&keyword=x");
    }

    /** {@code code} is a secret on an OAuth callback only; {@code key} on no route of ours (keys travel in headers). */
    @Test
    void codeIsMaskedOnAnOAuthCallbackOnlyAndKeyNowhere() {
        assertThat(SecretQueryMaskingFilter.mask("/oauth/tiktok/callback", "code=AbC123&state=s")).isEqualTo("code=***&state=***");
        assertThat(SecretQueryMaskingFilter.mask("/workspaces/1/settings/exchange-rates", "code=EUR&key=sort-1"))
                .isEqualTo("code=EUR&key=sort-1");
    }

    @Test
    void anInvitationLinkCarriedAsAValueIsMasked() {
        assertThat(SecretQueryMaskingFilter.mask("/login", "next=/invitations/Abc_123-xyz")).isEqualTo("next=/invitations/***");
        assertThat(SecretQueryMaskingFilter.mask("/signup", "next=%2Finvitations%2FAbc_123-xyz&x=1"))
                .isEqualTo("next=%2Finvitations%2F***&x=1");
        assertThat(SecretQueryMaskingFilter.mask("/login", "next=/organizations/1/invitations/2"))
                .isEqualTo("next=/organizations/1/invitations/2");
    }
}
