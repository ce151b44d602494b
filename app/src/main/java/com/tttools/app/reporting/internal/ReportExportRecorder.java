package com.tttools.app.reporting.internal;

import com.tttools.app.reporting.ReportEvents.ReportExported;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Publishes the export's audit event in a transaction (the audit listener is transactional). */
@Component
public class ReportExportRecorder {

    private final ApplicationEventPublisher events;

    ReportExportRecorder(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Transactional
    public void record(ReportExported exported) {
        events.publishEvent(exported);
    }
}
