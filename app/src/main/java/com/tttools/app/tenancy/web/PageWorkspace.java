package com.tttools.app.tenancy.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.shared.ForbiddenException;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.TenantAccess;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The workspace the page being rendered belongs to, read from its path ({@code /workspaces/{id}/...}), so the
 * header and the navigation show the page's workspace rather than the one the user last switched to.
 */
@Component
class PageWorkspace {

    private static final Pattern WORKSPACE_PATH = Pattern.compile("^/workspaces/([0-9a-fA-F-]{36})(/.*)?$");

    /** A path below a workspace: its id and the rest ({@code ""} for the workspace home). */
    record WorkspacePath(WorkspaceId workspaceId, String rest) {
    }

    private final TenantAccess access;

    PageWorkspace(TenantAccess access) {
        this.access = access;
    }

    static Optional<WorkspacePath> parse(String path) {
        if (path == null) {
            return Optional.empty();
        }
        Matcher matcher = WORKSPACE_PATH.matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            WorkspaceId id = WorkspaceId.of(matcher.group(1));
            return Optional.of(new WorkspacePath(id, matcher.group(2) == null ? "" : matcher.group(2)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<AuthenticatedUser> signedInUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user
                ? Optional.of(user) : Optional.empty();
    }

    static String requestPath() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            var request = attributes.getRequest();
            // error pages render under /error: the original path says which page failed
            Object original = request.getAttribute("jakarta.servlet.error.request_uri");
            return original instanceof String uri ? uri : request.getRequestURI();
        }
        return null;
    }

    /** The workspace of the current page when the user may see it; empty on other pages or without access. */
    Optional<WorkspaceAccess> current(AuthenticatedUser user) {
        return parse(requestPath()).flatMap(path -> {
            try {
                return Optional.of(access.requireWorkspace(user.id(), path.workspaceId(),
                        WorkspacePermission.VIEW_WORKSPACE));
            } catch (NotFoundException | ForbiddenException e) {
                return Optional.empty();
            }
        });
    }
}
