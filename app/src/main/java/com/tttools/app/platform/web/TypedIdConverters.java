package com.tttools.app.platform.web;

import com.tttools.app.shared.AlertId;
import com.tttools.app.shared.AlertRuleId;
import com.tttools.app.shared.ConnectionId;
import com.tttools.app.shared.InvitationId;
import com.tttools.app.shared.JobId;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Typed ids straight from the path (or a form field): {@code @PathVariable WorkspaceId wsId}. A malformed id names
 * nothing, so the converter raises {@link NotFoundException} (404, like an unknown id); the exception handlers
 * unwrap it from Spring's type-mismatch wrapper. The one place web input becomes a typed id.
 */
@Configuration(proxyBeanMethods = false)
class TypedIdConverters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        add(registry, WorkspaceId.class, "Workspace", WorkspaceId::new);
        add(registry, OrganizationId.class, "Organization", OrganizationId::new);
        add(registry, UserId.class, "Member", UserId::new);
        add(registry, ConnectionId.class, "Connection", ConnectionId::new);
        add(registry, JobId.class, "Job", JobId::new);
        add(registry, AlertRuleId.class, "Alert rule", AlertRuleId::new);
        add(registry, AlertId.class, "Alert", AlertId::new);
        add(registry, InvitationId.class, "Invitation", InvitationId::new);
    }

    private static <T> void add(FormatterRegistry registry, Class<T> type, String what, Function<UUID, T> wrap) {
        registry.addConverter(String.class, type, (Converter<String, T>) value -> wrap.apply(uuid(value, what)));
    }

    /**
     * Only the canonical 36-character form, in either letter case: {@link UUID#fromString} also reads shortened forms
     * like "1-1-1-1-1" and spellings such as "+0000001-0001-…" or non-ASCII digits as an id (found by the fuzz target).
     */
    static UUID uuid(String value, String what) {
        try {
            if (value != null && value.length() == 36) {
                UUID id = UUID.fromString(value);
                if (id.toString().equalsIgnoreCase(value)) {
                    return id;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // falls through to 404
        }
        throw new NotFoundException(what);
    }

    /** The "not found" a converter raised for a malformed id, if that is what failed. */
    static Optional<NotFoundException> malformedId(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NotFoundException notFound) {
                return Optional.of(notFound);
            }
        }
        return Optional.empty();
    }
}
