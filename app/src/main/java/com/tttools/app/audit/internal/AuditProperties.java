package com.tttools.app.audit.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the audit module ({@code tttools.audit.*}).
 *
 * @param defaultRetentionDays  days audit events are kept when an organization never chose (and for the
 *                              user and system chains)
 * @param securityRetentionDays days security events are kept by {@link AuditPurge#purgeExpired}; the daily retention
 *                              purge passes the privacy catalogue's cutoff (90 days) instead
 * @param purgeBatchSize        rows deleted per transaction by the purge (at most 5,000); the purge runs as part
 *                              of the privacy module's daily retention purge ({@code tttools.privacy.retention})
 * @param exportFetchSize       rows fetched per round trip while streaming a CSV export or verifying a chain
 */
@Validated
@ConfigurationProperties("tttools.audit")
public record AuditProperties(
        @DefaultValue("365") @Min(90) @Max(3650) int defaultRetentionDays,
        @DefaultValue("90") @Min(1) @Max(3650) int securityRetentionDays,
        @DefaultValue("5000") @Min(1) @Max(5000) int purgeBatchSize,
        @DefaultValue("500") @Min(10) @Max(10000) int exportFetchSize) {
}
