package com.tttools.app.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import com.tttools.app.support.Users;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The organization page's invitation form sends the invitee's address in its POST body, never in a URL: request
 * lines (Spring Security's and MVC's at DEBUG, a proxy's access log) print URLs. An address in the query string is
 * refused and invites nobody.
 */
class InvitationFormIT extends IntegrationTest {

    private static final Pattern FORM = Pattern.compile("<form id=\"invite-form\"([^>]*)>(.*?)</form>", Pattern.DOTALL);

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theFormPostsTheAddressInItsBodyAndAnAddressInTheUrlIsRefused() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("invite-form-owner");
        String organization = tenants.createOrganization(owner, "Form Agency");
        String settings = "/organizations/" + organization;

        // the rendered form: a POST to a URL without a query, the address one of its fields
        Matcher form = FORM.matcher(Tenants.expect(owner.api().get(settings), 200).body());
        assertThat(form.find()).as("the invitation form").isTrue();
        String action = attribute(form.group(1), "action");
        assertThat(attribute(form.group(1), "method")).isEqualToIgnoringCase("post");
        assertThat(action).isEqualTo(settings + "/invitations").doesNotContain("?");
        assertThat(form.group(2)).contains("name=\"email\"");

        // sent as the browser sends it: the address in the body
        String invitee = Users.uniqueEmail("invite-form-body");
        ApiClient.Response sent = owner.api().postForm(action, "role=MEMBER&email=" + encoded(invitee), true,
                "Referer", url(settings));
        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.header("Location").orElseThrow()).endsWith(settings);
        assertThat(invitations(invitee)).isEqualTo(1);
        assertThat(owner.api().get(settings).body()).contains("Invitation sent to");   // its message, shown once
        // the page in words: roles as "Owner" / "Member", the invitation's expiry a local time, not an ISO instant
        String page = owner.api().get(settings).body();
        assertThat(page).contains("id=\"my-role\">Owner<").contains(">Member</option>").contains(">Analyst</option>")
                .doesNotContain(">OWNER<").doesNotContain(">MEMBER<").doesNotContain(">ANALYST<");
        String pending = page.substring(page.indexOf("id=\"invitations\""));
        assertThat(pending).contains("<td>Member</td>").contains("<time data-local=\"datetime\"")
                .containsPattern("\\(UTC\\)</time>");
        assertThat(pending.substring(0, pending.indexOf("</table>"))).doesNotContainPattern(">\\d{4}-\\d\\d-\\d\\dT");
        assertThat(page).as("the only member cannot hand ownership to anyone yet")
                .contains("id=\"transfer-ownership-none\"").doesNotContain("id=\"new-owner\"");

        // the address in the URL: refused next to the form, nobody invited
        String inUrl = Users.uniqueEmail("invite-form-url");
        ApiClient.Response refused = owner.api().postForm(action + "?role=MEMBER&email=" + encoded(inUrl), "", true,
                "Referer", url(settings));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.header("Location").orElseThrow()).endsWith(settings);
        assertThat(invitations(inUrl)).isZero();
        assertThat(owner.api().get(settings).body()).contains("must be sent in the form&#39;s body, not in the address");
    }

    private long invitations(String email) {
        return jdbc.sql("select count(*) from invitations where email = :email").param("email", email)
                .query(Long.class).single();
    }

    private static String attribute(String attributes, String name) {
        Matcher value = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attributes);
        return value.find() ? value.group(1) : null;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
