package com.tttools.app.tenancy.web;

import com.tttools.app.platform.database.TenantScope;
import com.tttools.app.tenancy.TenantAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerInterceptor;
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
        // The row-level-security binding the argument resolver made ends with the handler and its view.
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                    Exception ex) {
                TenantScope.unbindRequest();
            }
        });
        registry.addInterceptor(auditScope).addPathPatterns("/api/v1/organizations/*/audit-events",
                "/api/v1/organizations/*/audit-events.csv", "/api/v1/organizations/*/audit-events/**",
                "/organizations/*/audit", "/organizations/*/audit/**");
    }
}
