package com.tttools.app.tenancy.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class TenancyWebConfiguration implements WebMvcConfigurer {

    private final AuditScopeInterceptor auditScope;

    TenancyWebConfiguration(AuditScopeInterceptor auditScope) {
        this.auditScope = auditScope;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(auditScope).addPathPatterns("/api/v1/organizations/*/audit-events",
                "/api/v1/organizations/*/audit-events.csv", "/api/v1/organizations/*/audit-events/**",
                "/organizations/*/audit", "/organizations/*/audit/**");
    }
}
