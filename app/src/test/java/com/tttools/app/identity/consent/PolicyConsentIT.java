package com.tttools.app.identity.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.config.PolicyProperties;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.Http;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Users;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The privacy policy and terms: public pages that say what the product promises, linked from every page and
 * from sign-up; sign-up records the accepted version; a changed version is shown once until acknowledged.
 */
class PolicyConsentIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PolicyProperties policy;

    @Test
    void privacyAndTermsArePublicAndNameTheOperatorContactVersionAndEveryPromise() {
        HttpResponse<String> privacy = Http.get(url("/privacy"), "Accept", "text/html");
        assertThat(privacy.statusCode()).isEqualTo(200);
        assertThat(privacy.body()).contains(policy.operatorName(), policy.privacyContact(), policy.version(),
                        "What we collect", "What we use it for", "Who we share it with", "Cookies", "How long we keep it",
                        "Your rights", "If you own an organization", "Disconnecting TikTok", "How we protect it")
                .contains("TikTok", "Resend", "Postmark", "__Host-SESSION", "XSRF-TOKEN")
                .contains("until you delete it", "until the connection is disconnected", "25 months", "3 to 120 months",
                        "365 days", "90 to 3650 days", "<td>Security events</td><td>90 days</td>",
                        "<td>Background jobs and their errors</td><td>90 days</td>", "30 days after they expire",
                        "until they end", "14 days", "Correction", "Restriction", "export");
        HttpResponse<String> terms = Http.get(url("/terms"), "Accept", "text/html");
        assertThat(terms.statusCode()).isEqualTo(200);
        assertThat(terms.body()).contains("Terms of use", policy.operatorName(), policy.version());
    }

    @Test
    void everyPageFooterLinksThePrivacyPolicyAndTheTerms() {
        ApiClient user = Users.signedUp(port, Users.uniqueEmail("footer"));
        for (String path : List.of("/", "/login", "/signup", "/forgot-password", "/privacy", "/terms", "/no-such-page")) {
            assertThat(Http.get(url(path), "Accept", "text/html").body()).as(path)
                    .contains("<a href=\"/privacy\">Privacy</a>", "<a href=\"/terms\">Terms</a>");
        }
        for (String path : List.of("/account", "/onboarding")) {
            assertThat(page(user, path).body()).as(path)
                    .contains("<a href=\"/privacy\">Privacy</a>", "<a href=\"/terms\">Terms</a>");
        }
    }

    @Test
    void signUpNamesTheVersionItAcceptsAndRecordsIt() {
        String form = Http.get(url("/signup"), "Accept", "text/html").body();
        assertThat(form).contains("By signing up you accept the <a href=\"/terms\">Terms</a>")
                .contains("<a href=\"/privacy\">Privacy policy</a> (version <span>" + policy.version() + "</span>)");

        ApiClient user = Users.signedUp(port, Users.uniqueEmail("consent"));

        List<Map<String, Object>> consents = consents(userId(user));
        assertThat(consents).singleElement().satisfies(c -> {
            assertThat(c.get("policy_version")).isEqualTo(policy.version());
            assertThat(c.get("how")).isEqualTo("SIGN_UP");
        });
        assertThat(page(user, "/account").body()).doesNotContain("policy-notice");
    }

    @Test
    void aChangedVersionIsShownOnceUntilAcknowledgedWithCsrf() {
        ApiClient user = Users.signedUp(port, Users.uniqueEmail("notice"));
        UUID id = userId(user);
        // the user accepted an earlier version: the one in force is new to them
        jdbc.sql("UPDATE user_policy_consents SET policy_version = '2000-01-01' WHERE user_id = :id")
                .param("id", id).update();

        String account = page(user, "/account").body();
        assertThat(account).contains("class=\"policy-notice\"", "version <span>" + policy.version() + "</span>",
                "action=\"/account/policy-acknowledgement\"", "name=\"_csrf\"");
        assertThat(page(user, "/onboarding").body()).contains("class=\"policy-notice\"");

        assertThat(user.postWithoutCsrf("/account/policy-acknowledgement", null).status()).isEqualTo(403);
        assertThat(page(user, "/account").body()).contains("class=\"policy-notice\"");

        ApiClient.Response acknowledged = user.post("/account/policy-acknowledgement", null);
        assertThat(acknowledged.status()).isEqualTo(302);
        assertThat(acknowledged.header("Location").orElseThrow()).endsWith("/app");

        assertThat(page(user, "/account").body()).doesNotContain("policy-notice");
        assertThat(consents(id)).extracting(c -> c.get("policy_version") + "/" + c.get("how"))
                .containsExactlyInAnyOrder("2000-01-01/SIGN_UP", policy.version() + "/ACKNOWLEDGED");
        assertThat(new ApiClient(port).postWithoutCsrf("/account/policy-acknowledgement", null).status())
                .as("anonymous").isIn(401, 403);
    }

    private HttpResponse<String> page(ApiClient user, String path) {
        HttpResponse<String> response = Http.get(url(path), "Accept", "text/html",
                "Cookie", "SESSION=" + user.sessionCookie());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }

    private static UUID userId(ApiClient user) {
        return UUID.fromString(user.get("/api/v1/me").json().path("id").asString());
    }

    private List<Map<String, Object>> consents(UUID userId) {
        return jdbc.sql("SELECT policy_version, how FROM user_policy_consents WHERE user_id = :id")
                .param("id", userId).query().listOfRows();
    }
}
