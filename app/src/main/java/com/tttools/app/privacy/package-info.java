/**
 * Privacy and data lifecycle: retention per data class and the daily purge, personal data export, account deletion.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy",
        allowedDependencies = { "shared", "identity", "tenancy", "audit", "jobs", "reporting", "bulk", "notifications",
                "platform :: web" })
package com.tttools.app.privacy;
