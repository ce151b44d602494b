package com.tttools.app.bulk.internal;

import com.tttools.app.tenancy.TenancyEvents.OrganizationDeleted;
import com.tttools.app.tenancy.TenancyEvents.WorkspacePurged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A purged workspace (or a deleted organization's workspaces) loses its change sets, policy and guardrail ledger. */
@Component
class BulkDataPurge {

    private final ChangeSetRepository repository;

    BulkDataPurge(ChangeSetRepository repository) {
        this.repository = repository;
    }

    @ApplicationModuleListener
    void on(WorkspacePurged purged) {
        repository.deleteWorkspace(purged.workspaceId());
    }

    @ApplicationModuleListener
    void on(OrganizationDeleted deleted) {
        deleted.workspaceIds().forEach(repository::deleteWorkspace);
    }
}
