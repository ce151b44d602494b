package com.tttools.app.audit.internal;

import com.tttools.app.audit.SecurityLog;
import com.tttools.app.shared.audit.AuditableEvent;
import com.tttools.app.shared.audit.SecurityEventOccurred;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Stores what other modules publish. Each listener runs after the publishing transaction commits, on another
 * thread, in its own transaction; the JDBC event publication registry keeps the event until the listener
 * has completed, so a crash in between does not lose it (delivery is at least once).
 * <p>
 * Events published outside a transaction are not delivered to these listeners: publish inside one, or call
 * {@code AuditLog.record}/{@code SecurityLog.record} directly.
 */
@Component
public class AuditEventListeners {

    private final AuditChainWriter writer;
    private final SecurityLog securityLog;
    private final Clock clock;

    AuditEventListeners(AuditChainWriter writer, SecurityLog securityLog, ObjectProvider<Clock> clocks) {
        this.writer = writer;
        this.securityLog = securityLog;
        this.clock = AuditClock.of(clocks);
    }

    @ApplicationModuleListener
    public void on(AuditableEvent event) {
        writer.append(event.auditEntry(), clock.instant());
    }

    @ApplicationModuleListener
    public void on(SecurityEventOccurred event) {
        securityLog.record(event);
    }
}
