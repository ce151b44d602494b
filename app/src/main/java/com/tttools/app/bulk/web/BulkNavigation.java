package com.tttools.app.bulk.web;

import com.tttools.app.tenancy.WorkspaceNavigationEntry;
import com.tttools.app.tenancy.WorkspacePermission;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The change sets' place in the workspace navigation (the approvals slot). */
@Configuration(proxyBeanMethods = false)
class BulkNavigation {

    @Bean
    WorkspaceNavigationEntry bulkNavigationEntry() {
        // the workspace's bulk policy page belongs to the same section
        return new WorkspaceNavigationEntry("bulk-operations", "Bulk changes", "/bulk-operations",
                WorkspacePermission.VIEW_WORKSPACE, 70, List.of("/bulk-policy"));
    }
}
