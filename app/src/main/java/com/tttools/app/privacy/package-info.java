/**
 * Privacy and data lifecycle: retention per data class and the daily purge, personal data export, account deletion.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy")
package com.tttools.app.privacy;
