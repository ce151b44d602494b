package com.tttools.app.privacy.retention;

import com.tttools.app.audit.AuditLog;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.shared.retention.RetentionPurge;
import com.tttools.app.tenancy.TenantDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One run of the retention purge: every module's {@link RetentionPurge} in catalogue order, each with its class's
 * cutoffs, then one {@code privacy.retention_purged} audit event with the count per class. A class that fails is
 * logged and named in the event; the others still run, and the next run tries it again.
 */
@Component
class RetentionPurgeRun {

    static final Actor PURGE_JOB = Actor.system("job:" + RetentionPurgeTask.NAME);
    private static final Logger log = LoggerFactory.getLogger(RetentionPurgeRun.class);

    /** What one run deleted per class code, and the classes whose purge failed. */
    record Result(Map<String, Long> counts, List<String> failed) {

        long count(String dataClass) {
            return counts.getOrDefault(dataClass, 0L);
        }
    }

    private final List<RetentionPurge> purges;
    private final RetentionSettingsRepository settings;
    private final TenantDirectory directory;
    private final AuditLog auditLog;
    private final RetentionProperties properties;

    RetentionPurgeRun(List<RetentionPurge> purges, RetentionSettingsRepository settings, TenantDirectory directory,
            AuditLog auditLog, RetentionProperties properties) {
        this.purges = purges.stream().sorted(Comparator.comparing(RetentionPurgeRun::order)).toList();
        this.settings = settings;
        this.directory = directory;
        this.auditLog = auditLog;
        this.properties = properties;
        for (RetentionPurge purge : purges) {
            DataClass dataClass = DataClass.ofCode(purge.dataClass()).orElseThrow(() -> new IllegalStateException(
                    purge.getClass().getName() + " purges " + purge.dataClass() + ", which is not in the catalogue"));
            if (dataClass.kind() == DataClass.Kind.WITH_EVENT) {
                throw new IllegalStateException(dataClass.code() + " is deleted with an event, not by the purge");
            }
        }
    }

    Result run(Instant now) {
        return run(now, properties.batchSize());
    }

    Result run(Instant now, int batchSize) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        for (RetentionPurge purge : purges) {
            DataClass dataClass = DataClass.ofCode(purge.dataClass()).orElseThrow();
            try {
                Map<com.tttools.app.shared.OrganizationId, Integer> chosen = dataClass.configurable()
                        ? settings.all(dataClass) : Map.of();
                long count = purge.purge(new ClassCutoffs(now, dataClass.defaultDays(), chosen, directory), batchSize);
                counts.merge(dataClass.code(), count, Long::sum);
            } catch (RuntimeException e) {
                // One class must not stop the others; its rows stay until the next run.
                log.error("Retention purge of {} failed; its rows are kept until the next run", dataClass.code(), e);
                failed.add(dataClass.code());
            }
        }
        log.info("Retention purge deleted {} (failed: {})", counts, failed);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("counts", counts);
        details.put("failed", failed);
        auditLog.record(new AuditEntry("privacy.retention_purged", PURGE_JOB, "retention", null, null, null, null,
                details, now));
        return new Result(Map.copyOf(counts), List.copyOf(failed));
    }

    private static int order(RetentionPurge purge) {
        return DataClass.ofCode(purge.dataClass()).map(Enum::ordinal).orElse(Integer.MAX_VALUE);
    }
}
