package com.tttools.app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

/** An invitation link's token never reaches a log line or a problem body of ours; other paths print as they are. */
@ExtendWith(OutputCaptureExtension.class)
class SecretPathsTest {

    private static final String TOKEN = "k3Jd8_sEcReT-InViTe-ToKeN";

    @Test
    void theInvitationTokenIsMaskedInThePageAndApiPaths() {
        assertThat(SecretPaths.mask("/invitations/" + TOKEN)).isEqualTo("/invitations/***");
        assertThat(SecretPaths.mask("/invitations/" + TOKEN + "/accept")).isEqualTo("/invitations/***/accept");
        assertThat(SecretPaths.mask("/api/v1/invitations/" + TOKEN + "/accept")).isEqualTo("/api/v1/invitations/***/accept");
        assertThat(SecretPaths.mask("/organizations/o-1/invitations/i-2/revoke"))
                .isEqualTo("/organizations/o-1/invitations/i-2/revoke");
        assertThat(SecretPaths.mask("/workspaces/w/reports")).isEqualTo("/workspaces/w/reports");
        assertThat(SecretPaths.mask(null)).isNull();
    }

    @Test
    void aLogLineShowsEveryInvitationLinkInItMasked() {
        assertThat(SecretPaths.maskIn("GET \"/invitations/" + TOKEN + "\", parameters={}"))
                .isEqualTo("GET \"/invitations/***\", parameters={}");
        assertThat(SecretPaths.maskIn("Securing GET /login?next=/invitations/" + TOKEN))
                .isEqualTo("Securing GET /login?next=/invitations/***");
        assertThat(SecretPaths.maskIn("Redirecting to http://localhost:8080/api/v1/invitations/" + TOKEN + "/accept"))
                .isEqualTo("Redirecting to http://localhost:8080/api/v1/invitations/***/accept");
        assertThat(SecretPaths.maskIn("[/invitations/" + TOKEN + ", /invitations/" + TOKEN + "x]"))
                .isEqualTo("[/invitations/***, /invitations/***]");
        assertThat(SecretPaths.maskIn("Securing DELETE /api/v1/organizations/o-1/invitations/i-2"))
                .isEqualTo("Securing DELETE /api/v1/organizations/o-1/invitations/i-2");
        assertThat(SecretPaths.maskIn(null)).isNull();
    }

    @Test
    void anUnexpectedFailureOnAnInvitationIsLoggedAndAnsweredWithoutTheToken(CapturedOutput output) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/invitations/" + TOKEN + "/accept");

        var answer = new ApiExceptionHandler().unexpected(new IllegalStateException("boom"), request);

        assertThat(output).contains("Unhandled error on POST /api/v1/invitations/***/accept").doesNotContain(TOKEN);
        assertThat(answer.getBody().getInstance()).hasToString("/api/v1/invitations/***/accept");
        assertThat(Problems.defaultDetail(HttpStatus.NOT_FOUND.value(), "GET", "/invitations/" + TOKEN))
                .isEqualTo("Nothing is found at GET /invitations/***.");
    }
}
