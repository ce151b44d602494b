package com.tttools.app.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The application's routes as the running handler mappings list them, with path variables filled, for the matrix
 * tests (CSRF, security headers, GETs that change nothing, forced failures): a new route is covered without a change
 * to any test. The workspace and organization variables name the test's own; every other variable a fresh UUID.
 */
public final class AppRoutes {

    /** One route, filled: its method, a concrete path, and the controller class that serves it. */
    public record Route(String method, String path, Class<?> controller) {
    }

    /** Not cookie-authenticated: each checks its own signature or secret (ProviderWebhooksIT, TelegramLinkingIT). */
    private static final List<String> SIGNED_WEBHOOKS = List.of("/webhooks/", "/telegram/");
    private static final Set<RequestMethod> SAFE = Set.of(RequestMethod.GET, RequestMethod.HEAD, RequestMethod.OPTIONS,
            RequestMethod.TRACE);

    private final RequestMappingHandlerMapping mappings;
    private final String workspaceId;
    private final String organizationId;

    public AppRoutes(RequestMappingHandlerMapping mappings, String workspaceId, String organizationId) {
        this.mappings = mappings;
        this.workspaceId = workspaceId;
        this.organizationId = organizationId;
    }

    /**
     * Every GET route (a mapping without methods answers GET too), except the error controller, catch-alls and the
     * sign-out links (they end the session the matrix uses).
     */
    public List<Route> gets() {
        Set<String> seen = new TreeSet<>();
        List<Route> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/error") || pattern.contains("**") || pattern.contains("logout")
                        || pattern.contains("sign-out")) {
                    continue;
                }
                String path = fill(pattern);
                if (seen.add(path)) {
                    routes.add(new Route("GET", path, handler.getBeanType()));
                }
            }
        });
        routes.sort(java.util.Comparator.comparing(Route::path));
        return routes;
    }

    /** Every state-changing route (POST, PUT, PATCH, DELETE) except the signed webhooks and the error controller. */
    public List<Route> stateChanging() {
        Set<String> seen = new TreeSet<>();
        List<Route> routes = new ArrayList<>();
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod handler = entry.getValue();
            for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                if (SAFE.contains(method)) {
                    continue;
                }
                for (String pattern : info.getPatternValues()) {
                    if (SIGNED_WEBHOOKS.stream().anyMatch(pattern::startsWith) || pattern.startsWith("/error")) {
                        continue;
                    }
                    String path = fill(pattern);
                    if (seen.add(method + " " + path)) {
                        routes.add(new Route(method.name(), path, handler.getBeanType()));
                    }
                }
            }
        }
        return routes;
    }

    public String fill(String pattern) {
        String path = pattern.replace("{wsId}", workspaceId).replace("{workspaceId}", workspaceId);
        if (organizationId != null) {
            path = path.replace("{orgId}", organizationId).replace("{organizationId}", organizationId);
        }
        return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }
}
