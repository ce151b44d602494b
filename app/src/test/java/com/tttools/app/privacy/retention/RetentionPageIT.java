package com.tttools.app.privacy.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import com.tttools.app.support.Tenants.User;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The data retention page: linked from the organization settings for admins, shows and saves the settings. */
class RetentionPageIT extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;

    Tenants tenants;
    User owner;
    String orgId;

    @BeforeEach
    void setUp() {
        tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        owner = tenants.verifiedUser("retention-page-owner");
        orgId = tenants.createOrganization(owner, "Retention Page Agency");
    }

    @Test
    void theOrganizationSettingsLinkToTheRetentionPageWhichShowsEveryClassInWords() {
        assertThat(owner.api().get("/organizations/" + orgId).body()).contains("id=\"data-retention\"")
                .contains("/organizations/" + orgId + "/retention");

        ApiClient.Response page = owner.api().get("/organizations/" + orgId + "/retention");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Data retention").contains("Retention Page Agency")
                .contains("Reporting data").contains("name=\"report_facts\"").contains("value=\"761\"")
                .contains("min=\"91\"").contains("max=\"3652\"")
                .contains("Audit log").contains("name=\"audit_events\"").contains("value=\"365\"")
                .contains("Background jobs and their data").contains("90 days (about 3 months)")
                .contains("Invitations").contains("30 days")
                .contains("Sign-in sessions").contains("Until it expires")
                .contains("Accounts").contains("Until deleted")
                .doesNotContain("report_facts</td>").doesNotContain("WITH_EVENT");
    }

    @Test
    void savingValidDaysRedirectsWithANoticeAndShowsTheNewValues() {
        ApiClient.Response saved = owner.api().post("/organizations/" + orgId + "/retention?report_facts=400&audit_events=180", null);

        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.header("Location").orElseThrow()).endsWith("/organizations/" + orgId + "/retention");
        String page = owner.api().get("/organizations/" + orgId + "/retention").body();
        assertThat(page).contains("value=\"400\"").contains("value=\"180\"");
    }

    @Test
    void daysOutsideTheBoundsAreShownNextToTheFieldAndNotSaved() {
        ApiClient.Response refused = owner.api().post("/organizations/" + orgId + "/retention?report_facts=30&audit_events=365", null);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"error-report_facts\"").contains("Must be between 91 and 3652 days.")
                .contains("value=\"30\"").doesNotContain("id=\"error-audit_events\"");
        ApiClient.Response notANumber = owner.api().post("/organizations/" + orgId + "/retention?report_facts=many", null);
        assertThat(notANumber.status()).isEqualTo(422);
        assertThat(notANumber.body()).contains("Enter a whole number of days.");
        assertThat(owner.api().get("/organizations/" + orgId + "/retention").body()).contains("value=\"761\"");
    }

    @Test
    void membersWhoAreNotAdminsSeeNoLinkAndCannotOpenThePage() {
        User member = tenants.member(owner, orgId, "retention-page-member", "MEMBER", List.of());

        assertThat(member.api().get("/organizations/" + orgId).body()).doesNotContain("data-retention");
        assertThat(member.api().get("/organizations/" + orgId + "/retention").status()).isEqualTo(403);
    }
}
