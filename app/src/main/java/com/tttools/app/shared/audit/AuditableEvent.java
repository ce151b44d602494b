package com.tttools.app.shared.audit;

/**
 * A domain event that belongs in the audit log. Modules publish their own past-tense event records and
 * implement this to say how they read in the log; the audit module listens for this one type, so it needs
 * no dependency on the publishing modules.
 */
public interface AuditableEvent {

    AuditEntry auditEntry();
}
