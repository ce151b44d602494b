package com.tttools.app.privacy.retention;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.retention.RetentionCutoffs;
import com.tttools.app.tenancy.TenantDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One class's cutoffs for one run: now minus the class's days, or minus the organization's own choice for a
 * configurable class. Workspaces are mapped to their organization once per run.
 */
final class ClassCutoffs implements RetentionCutoffs {

    private final Instant now;
    private final int defaultDays;
    private final Map<OrganizationId, Integer> chosenDays;
    private final TenantDirectory directory;
    private final Map<WorkspaceId, Optional<OrganizationId>> organizations = new HashMap<>();

    ClassCutoffs(Instant now, int defaultDays, Map<OrganizationId, Integer> chosenDays, TenantDirectory directory) {
        this.now = now;
        this.defaultDays = defaultDays;
        this.chosenDays = Map.copyOf(chosenDays);
        this.directory = directory;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public Instant cutoff() {
        return now.minus(Duration.ofDays(defaultDays));
    }

    @Override
    public Instant forOrganization(OrganizationId organizationId) {
        return now.minus(Duration.ofDays(chosenDays.getOrDefault(organizationId, defaultDays)));
    }

    @Override
    public Instant forWorkspace(WorkspaceId workspaceId) {
        return organizations.computeIfAbsent(workspaceId, directory::organizationOf)
                .map(this::forOrganization)
                .orElseGet(this::cutoff);
    }
}
