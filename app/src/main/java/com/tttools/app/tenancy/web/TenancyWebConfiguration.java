package com.tttools.app.tenancy.web;

import com.tttools.app.tenancy.TenantAccess;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class TenancyWebConfiguration implements WebMvcConfigurer {

    private final AuditScopeInterceptor auditScope;
    private final TenantAccess access;

    TenancyWebConfiguration(AuditScopeInterceptor auditScope, TenantAccess access) {
        this.auditScope = auditScope;
        this.access = access;
    }

    /** {@code @RequireWorkspace WorkspaceAccess} and {@code @RequireOrganization OrganizationAccess} parameters. */
    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new TenantAccessArgumentResolver(access));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(auditScope).addPathPatterns("/api/v1/organizations/*/audit-events",
                "/api/v1/organizations/*/audit-events.csv", "/api/v1/organizations/*/audit-events/**",
                "/organizations/*/audit", "/organizations/*/audit/**");
    }
}
