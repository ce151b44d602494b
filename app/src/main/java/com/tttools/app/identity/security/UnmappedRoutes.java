package com.tttools.app.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Matches requests that no controller handles, so they answer 404 (problem or page) to everybody instead of
 * a 401 that would differ from what a signed-in user sees. Static resources are public anyway.
 */
class UnmappedRoutes implements RequestMatcher {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    UnmappedRoutes(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        try {
            RequestMappingHandlerMapping mapping = mappings.getIfAvailable();
            return mapping != null && mapping.getHandler(request) == null;
        } catch (Exception e) {
            // A path that exists with another method (405) or media type counts as mapped: it needs authentication.
            return false;
        }
    }
}
