package com.tttools.app.platform.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who runs this installation and which version of the privacy policy and terms is in force (the pages at
 * {@code /privacy} and {@code /terms}). Changing {@code version} shows every signed-in user a notice once, until
 * they acknowledge it; sign-up records the version the user accepted.
 *
 * @param operatorName   {@code TTTOOLS_OPERATOR_NAME}: the organization that operates this installation
 *                       (the controller of the personal data); required in {@code prod}
 * @param privacyContact {@code TTTOOLS_PRIVACY_CONTACT}: where people send privacy requests (an email address or
 *                       URL); required in {@code prod}
 * @param version        {@code TTTOOLS_POLICY_VERSION}: the policy version users accept
 * @param effectiveDate  {@code TTTOOLS_POLICY_EFFECTIVE_DATE}: the date that version took effect
 */
@Validated
@ConfigurationProperties("tttools.policy")
public record PolicyProperties(
        @NotBlank @Size(max = 200) String operatorName,
        @NotBlank @Size(max = 200) String privacyContact,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,40}") String version,
        @NotNull LocalDate effectiveDate) {

    /** The contact as a link target: mailto: for an address, the URL itself otherwise. */
    public String contactHref() {
        return privacyContact.contains("@") && !privacyContact.contains("://") ? "mailto:" + privacyContact
                : privacyContact;
    }
}
