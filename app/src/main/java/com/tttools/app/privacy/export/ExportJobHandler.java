package com.tttools.app.privacy.export;

import com.tttools.app.jobs.JobFailedPermanently;
import com.tttools.app.jobs.JobHandler;
import com.tttools.app.jobs.JobRun;
import com.tttools.app.jobs.JobType;
import com.tttools.app.privacy.PersonalDataExport;
import com.tttools.app.privacy.PrivacyProperties;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The {@code privacy.export} job: collects the sections (progress = sections done, plus one step for the ZIP),
 * zips them and stores the ZIP in the export's row, downloadable until {@code exportLifetime} has passed.
 */
@Component
class ExportJobHandler implements JobHandler<ExportJobHandler.Payload> {

    static final JobType<Payload> TYPE = JobType.of("privacy.export", "Personal data export",
            Payload.class);

    /** @param organizationId null for a person's own export */
    record Payload(UUID userId, UUID organizationId) {
    }

    private final PersonalDataCollector collector;
    private final ExportArchive archive;
    private final ExportStore store;
    private final PrivacyProperties properties;
    private final Clock clock;

    ExportJobHandler(PersonalDataCollector collector, ExportArchive archive, ExportStore store,
            PrivacyProperties properties, Clock clock) {
        this.collector = collector;
        this.archive = archive;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public JobType<Payload> type() {
        return TYPE;
    }

    @Override
    public void run(JobRun run, Payload payload) {
        UUID exportId = run.jobId().value();   // an export is known by its job's id
        if (payload.userId() == null) {
            throw new JobFailedPermanently("The payload names no user");
        }
        UserId owner = new UserId(payload.userId());
        if (store.ownerOf(exportId).filter(owner.value()::equals).isEmpty()) {
            throw new JobFailedPermanently("The export's owner does not match");
        }
        boolean personal = payload.organizationId() == null;
        int steps = (personal ? PersonalDataCollector.userSectionCount()
                : PersonalDataCollector.organizationSectionCount()) + 1;
        PersonalDataExport export = personal
                ? collector.collectUser(owner, (done, all) -> step(run, done, steps))
                : collector.collectOrganization(new OrganizationId(payload.organizationId()), (done, all) -> step(run, done, steps));
        byte[] zip = archive.zip(export);
        Instant now = clock.instant();
        store.storeZip(exportId, zip, now, now.plus(properties.exportLifetime()));
        run.progress(steps, (long) steps);
    }

    private static void step(JobRun run, int done, int steps) {
        run.stopIfCancelled();
        run.progress(done, (long) steps);
    }
}
