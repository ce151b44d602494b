package com.tttools.app.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.identity.account.LoginLimits;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The onboarding form: styled, labelled inputs and a currency chosen from a list, never typed. */
class OnboardingFormIT extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;

    @BeforeEach
    void forgetSignUps() {
        limiter.reset(LoginLimits.SIGNUPS_PER_IP, "127.0.0.1");
    }

    @Test
    void theCurrencyIsASelectOfIsoCodesWithTheCommonOnesFirstAndTheInputsAreStyledAndLabelled() {
        ApiClient user = Users.signedUpAndVerified(port, Users.uniqueEmail("onboarding-form"), mailer);
        String page = user.get("/onboarding").body();

        Matcher select = Pattern.compile("<select id=\"currency\" name=\"currency\">(.*?)</select>", Pattern.DOTALL)
                .matcher(page);
        assertThat(select.find()).as("a currency select").isTrue();
        List<String> codes = new ArrayList<>();
        Matcher option = Pattern.compile("<option value=\"([A-Z]{3})\"").matcher(select.group(1));
        while (option.find()) {
            codes.add(option.group(1));
        }
        assertThat(codes.subList(0, 4)).containsExactly("USD", "EUR", "GBP", "JPY");
        assertThat(codes).contains("CHF", "NZD").doesNotContain("XAU", "XXX").doesNotHaveDuplicates();
        assertThat(select.group(1)).contains("<option value=\"USD\" selected=\"selected\">USD</option>");
        assertThat(page).doesNotContain("name=\"currency\" value=");

        // app.css styles input[type=text]: an input without a type is left unstyled
        assertThat(page).contains("<label for=\"name\">").contains("<input type=\"text\" id=\"name\" name=\"name\"")
                .contains("<label for=\"workspaceName\">")
                .contains("<input type=\"text\" id=\"workspaceName\" name=\"workspaceName\"");

        ApiClient.Response created = user.postForm("/onboarding",
                "name=Select+Agency&workspaceName=Brand+One&timezone=UTC&currency=EUR", true);
        assertThat(created.status()).isEqualTo(302);
        String workspace = created.header("Location").orElseThrow().replaceAll(".*/workspaces/", "");
        assertThat(user.get("/api/v1/workspaces/" + workspace).json().get("currency").asString()).isEqualTo("EUR");
    }
}
