package com.tttools.app.privacy.retention;

import com.tttools.app.audit.AuditLog;
import com.tttools.app.privacy.Retention;
import com.tttools.app.privacy.RetentionChange;
import com.tttools.app.privacy.RetentionChanged;
import com.tttools.app.privacy.RetentionSetting;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Settings per organization: configurable classes from privacy_retention_settings, the audit log's from the
 * audit module (which keeps and enforces its own), fixed and event-bound classes from the catalogue.
 */
@Service
class RetentionService implements Retention {

    private final RetentionSettingsRepository settings;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RetentionService(RetentionSettingsRepository settings, AuditLog auditLog, ApplicationEventPublisher events,
            Clock clock) {
        this.settings = settings;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<RetentionSetting> settings(OrganizationId organizationId) {
        Map<String, Integer> chosen = settings.find(organizationId);
        return Arrays.stream(DataClass.values())
                .map(dataClass -> setting(dataClass, days(dataClass, organizationId, chosen)))
                .toList();
    }

    @Override
    @Transactional
    public List<RetentionSetting> change(OrganizationId organizationId, List<RetentionChange> changes, Actor changedBy,
            RequestMetadata request) {
        Map<DataClass, Integer> wanted = validate(changes);
        Map<String, Integer> chosen = settings.find(organizationId);
        Instant now = clock.instant();
        for (var change : wanted.entrySet()) {
            DataClass dataClass = change.getKey();
            if (!dataClass.configurable()) {
                continue;   // validated equal to the fixed value: nothing to change
            }
            int before = days(dataClass, organizationId, chosen);
            int after = change.getValue();
            if (before == after) {
                continue;
            }
            if (dataClass == DataClass.AUDIT_EVENTS) {
                auditLog.setRetention(organizationId, after, changedBy, request);   // records audit.retention_changed
            } else {
                settings.save(organizationId, dataClass, after, changedBy.userId(), now);
                events.publishEvent(new RetentionChanged(organizationId, dataClass.code(), before, after, changedBy,
                        request, now));
            }
        }
        return settings(organizationId);
    }

    /** Every problem of the request at once, or the wanted days per class. */
    private static Map<DataClass, Integer> validate(List<RetentionChange> changes) {
        if (changes == null || changes.isEmpty()) {
            throw new ValidationFailedException("classes", "must list at least one data class");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Map<DataClass, Integer> wanted = new EnumMap<>(DataClass.class);
        for (int i = 0; i < changes.size(); i++) {
            RetentionChange change = changes.get(i);
            String field = "classes[" + i + "]";
            DataClass dataClass = change == null ? null : DataClass.ofCode(change.dataClass()).orElse(null);
            if (dataClass == null) {
                problems.add(new FieldProblem(field + ".dataClass", "is not a known data class"));
                continue;
            }
            if (wanted.containsKey(dataClass)) {
                problems.add(new FieldProblem(field + ".dataClass", "is listed twice"));
                continue;
            }
            Integer days = change.days();
            switch (dataClass.kind()) {
                case CONFIGURABLE -> {
                    if (days == null || !dataClass.allows(days)) {
                        problems.add(new FieldProblem(field + ".days", "must be between " + dataClass.minDays()
                                + " and " + dataClass.maxDays() + " days"));
                        continue;
                    }
                }
                case FIXED -> {
                    if (!Objects.equals(days, dataClass.defaultDays())) {
                        problems.add(new FieldProblem(field + ".days", "is fixed at " + dataClass.defaultDays()
                                + " days"));
                        continue;
                    }
                }
                case WITH_EVENT -> {
                    if (days != null) {
                        problems.add(new FieldProblem(field + ".days",
                                "cannot be set: this data is deleted with an event, not after a number of days"));
                        continue;
                    }
                }
            }
            wanted.put(dataClass, days);
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        return wanted;
    }

    private Integer days(DataClass dataClass, OrganizationId organizationId, Map<String, Integer> chosen) {
        if (dataClass == DataClass.AUDIT_EVENTS) {
            return auditLog.retentionDays(organizationId);
        }
        if (dataClass.configurable()) {
            return chosen.getOrDefault(dataClass.code(), dataClass.defaultDays());
        }
        return dataClass.defaultDays();
    }

    private static RetentionSetting setting(DataClass dataClass, Integer days) {
        return new RetentionSetting(dataClass.code(), dataClass.label(), dataClass.rule(), days, dataClass.minDays(),
                dataClass.maxDays(), dataClass.configurable());
    }
}
