package com.tttools.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Users;
import org.junit.jupiter.api.Test;

/**
 * The account page's name and email forms are bound to request records: a refused value comes back on the page with
 * 422 and its message next to its field (marked invalid, described by the message), nothing is changed and the
 * password typed is never written back into the page.
 */
class AccountFormsIT extends IntegrationTest {

    @Test
    void anEmptyNameIsAnsweredNextToTheNameFieldAndChangesNothing() {
        String email = Users.uniqueEmail("account-form-name");
        ApiClient user = Users.signedUp(port, email);

        ApiClient.Response refused = user.postForm("/account/name", "name=+++", true);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"name-error\"").contains("Name must not be empty")
                .contains("aria-describedby=\"name-error\"").contains("aria-invalid=\"true\"");
        assertThat(user.get("/api/v1/me").json().get("name").asString()).isNotBlank();

        assertThat(user.postForm("/account/name", "name=Renamed+Person", true).status()).isEqualTo(302);
        assertThat(user.get("/api/v1/me").json().get("name").asString()).isEqualTo("Renamed Person");
    }

    @Test
    void aMalformedNewEmailIsAnsweredNextToItsFieldWithoutEchoingThePassword() {
        String email = Users.uniqueEmail("account-form-email");
        ApiClient user = Users.signedUp(port, email);

        ApiClient.Response refused = user.postForm("/account/email",
                "email=not-an-address&currentPassword=typed+secret+value+42", true);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"new-email-error\"").contains("value=\"not-an-address\"")
                .contains("<details open=\"open\"").doesNotContain("typed secret value 42")
                .doesNotContain("typed+secret+value+42");
        assertThat(user.postForm("/account/email", "email=someone%40example.com&currentPassword=", true).body())
                .contains("id=\"email-password-error\"").contains("Current password must not be empty");
        assertThat(user.get("/api/v1/me").json().get("email").asString()).isEqualTo(email);
    }

    @Test
    void theApiAnswersABadEmailChangeWithAProblemNamingEachField() {
        ApiClient user = Users.signedUp(port, Users.uniqueEmail("account-api-email"));

        ApiClient.Response refused = user.post("/api/v1/me/email",
                java.util.Map.of("email", "not-an-address", "currentPassword", ""));

        assertThat(refused.status()).isEqualTo(422);
        java.util.List<String> fields = new java.util.ArrayList<>();
        refused.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("email", "currentPassword");
    }
}
