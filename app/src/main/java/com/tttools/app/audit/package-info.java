/**
 * The audit log (append-only, hash-chained per organization) and the security event log. The base package
 * is the API: {@link com.tttools.app.audit.AuditLog}, {@link com.tttools.app.audit.SecurityLog}, the action
 * catalogue {@link com.tttools.app.audit.AuditAction} and their records. Other modules write to it by
 * publishing {@link com.tttools.app.shared.audit.AuditableEvent}s and
 * {@link com.tttools.app.shared.audit.SecurityEventOccurred} inside their transactions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit",
        allowedDependencies = "shared")
package com.tttools.app.audit;
