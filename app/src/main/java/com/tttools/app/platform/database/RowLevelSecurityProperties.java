package com.tttools.app.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled {@code TTTOOLS_ROW_LEVEL_SECURITY}: whether the statements of a workspace request (transactions,
 *                auto-commit statements, work on MVC's async executor) run under the row-level-security role
 *                ({@link TenantScope}); the policies exist either way
 */
@ConfigurationProperties("tttools.row-level-security")
public record RowLevelSecurityProperties(@DefaultValue("true") boolean enabled) {
}
