package com.tttools.app.support;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspaceRole;
import com.tttools.app.platform.config.PolicyProperties;
import com.tttools.app.platform.web.WebProperties;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Helpers for {@code @WebMvcTest} slices: the signed-in caller as the app's own principal, and the access a
 * (mocked) {@code TenantAccess} grants. Slices check request parsing, validation and error mapping of one
 * controller without a database; journeys stay in the full-app tests.
 */
public final class WebSlice {

    public static final AuthenticatedUser CALLER = new AuthenticatedUser(UserId.random(), "slice@example.com",
            "Slice Caller", false);

    private WebSlice() {
    }

    /** The settings the web layer's filters and advice read; import it into each slice. */
    @TestConfiguration
    @EnableConfigurationProperties({WebProperties.class, PolicyProperties.class})
    public static class Settings {
    }

    /**
     * The beans the layout's header reads (workspace switcher, page workspace, navigation), for slices outside
     * tenancy's web package; mock {@code TenantAccessService} with it.
     */
    @TestConfiguration
    @ComponentScan(basePackages = "com.tttools.app.tenancy.web", useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                    pattern = "com\\.tttools\\.app\\.tenancy\\.web\\.(WorkspaceSwitcher|PageWorkspace|WorkspaceNavigation)"))
    public static class Layout {
    }

    /** Signs the request in as {@link #CALLER}. */
    public static RequestPostProcessor signedIn() {
        return authentication(new UsernamePasswordAuthenticationToken(CALLER, null,
                List.of(new SimpleGrantedAuthority("ROLE_USER"))));
    }

    public static WorkspaceAccess access(WorkspaceId workspace, WorkspaceRole role) {
        return new WorkspaceAccess(CALLER.id(), workspace, OrganizationId.random(), "Slice Workspace", "UTC", "USD",
                role);
    }
}
