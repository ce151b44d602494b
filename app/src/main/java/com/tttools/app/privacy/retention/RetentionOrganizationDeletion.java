package com.tttools.app.privacy.retention;

import com.tttools.app.tenancy.TenancyEvents;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** An organization that is deleted takes its retention choices with it. */
@Component
class RetentionOrganizationDeletion {

    private final RetentionSettingsRepository settings;

    RetentionOrganizationDeletion(RetentionSettingsRepository settings) {
        this.settings = settings;
    }

    @ApplicationModuleListener
    void on(TenancyEvents.OrganizationDeleted deleted) {
        settings.deleteOrganization(deleted.organizationId());
    }
}
