package com.tttools.app.tenancy.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.platform.database.TenantScope;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.OrganizationAccess;
import com.tttools.app.tenancy.RequireOrganization;
import com.tttools.app.tenancy.RequireWorkspace;
import com.tttools.app.tenancy.TenantAccess;
import com.tttools.app.tenancy.WorkspaceAccess;
import java.security.Principal;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Resolves {@code @RequireWorkspace(permission) WorkspaceAccess} and {@code @RequireOrganization(permission)
 * OrganizationAccess} parameters (or the bare {@code WorkspaceId}/{@code OrganizationId}) through
 * {@link TenantAccess}: the one place web handlers turn a path id into an authorized tenant. A resolved workspace is
 * also bound to the request's {@link TenantScope}, the row-level-security backstop behind every query's own
 * {@code workspace_id} predicate.
 */
class TenantAccessArgumentResolver implements HandlerMethodArgumentResolver {

    private final TenantAccess access;

    TenantAccessArgumentResolver(TenantAccess access) {
        this.access = access;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return (parameter.hasParameterAnnotation(RequireWorkspace.class)
                && (type == WorkspaceAccess.class || type == WorkspaceId.class))
                || (parameter.hasParameterAnnotation(RequireOrganization.class)
                && (type == OrganizationAccess.class || type == OrganizationId.class));
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest request, WebDataBinderFactory binderFactory) throws Exception {
        RequireWorkspace workspace = parameter.getParameterAnnotation(RequireWorkspace.class);
        if (workspace != null) {
            WorkspaceId id = pathVariable(request, binderFactory, workspace.pathVariable(), WorkspaceId.class);
            WorkspaceAccess granted = access.requireWorkspace(caller(request, "Workspace").id(), id,
                    workspace.value());
            // The rest of the request's statements run under row-level security for this workspace (docs/security.md).
            TenantScope.bindRequest(granted.workspaceId().value());
            return parameter.getParameterType() == WorkspaceId.class ? granted.workspaceId() : granted;
        }
        RequireOrganization organization = parameter.getParameterAnnotation(RequireOrganization.class);
        OrganizationId id = pathVariable(request, binderFactory, organization.pathVariable(),
                OrganizationId.class);
        OrganizationAccess granted = access.requireOrganization(caller(request, "Organization").id(), id,
                organization.value());
        return parameter.getParameterType() == OrganizationId.class ? granted.organizationId() : granted;
    }

    /** Converted like any {@code @PathVariable}: a malformed id is a 404 (see platform.web's typed-id converters). */
    private static <T> T pathVariable(NativeWebRequest request, WebDataBinderFactory binderFactory,
            String name, Class<T> type) throws Exception {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
                RequestAttributes.SCOPE_REQUEST);
        if (variables instanceof Map<?, ?> map && map.get(name) instanceof String value) {
            return binderFactory.createBinder(request, null, name).convertIfNecessary(value, type);
        }
        throw new IllegalStateException("The route has no path variable {" + name + "}");
    }

    /** Routes with these parameters are signed-in only; without a user nothing is revealed. */
    private static AuthenticatedUser caller(NativeWebRequest request, String what) {
        Principal principal = request.getUserPrincipal();
        if (principal instanceof Authentication authentication
                && authentication.getPrincipal() instanceof AuthenticatedUser user) {
            return user;
        }
        throw new NotFoundException(what);
    }
}
