/**
 * Authenticated encryption of secrets at rest (OAuth tokens): AES-256-GCM with a key ring from
 * {@code TTTOOLS_ENCRYPTION_KEYS}. Exposed to feature modules as the {@code crypto} named interface.
 */
@org.springframework.modulith.NamedInterface("crypto")
package com.tttools.app.platform.crypto;
