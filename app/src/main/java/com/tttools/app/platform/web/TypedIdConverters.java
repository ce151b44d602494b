package com.tttools.app.platform.web;

import com.tttools.app.shared.ConnectionId;
import com.tttools.app.shared.JobId;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.PathIds;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Typed ids straight from the path: {@code @PathVariable WorkspaceId wsId}. A malformed id names nothing, so the
 * converter raises {@link com.tttools.app.shared.NotFoundException} (404, like an unknown id); the exception
 * handlers unwrap it from Spring's type-mismatch wrapper.
 */
@Configuration(proxyBeanMethods = false)
class TypedIdConverters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, WorkspaceId.class, (Converter<String, WorkspaceId>) PathIds::workspace);
        registry.addConverter(String.class, OrganizationId.class,
                (Converter<String, OrganizationId>) PathIds::organization);
        registry.addConverter(String.class, UserId.class, (Converter<String, UserId>) PathIds::user);
        registry.addConverter(String.class, ConnectionId.class, (Converter<String, ConnectionId>) PathIds::connection);
        registry.addConverter(String.class, JobId.class, (Converter<String, JobId>) PathIds::job);
    }

    /** The "not found" a converter raised for a malformed id, if that is what failed. */
    static java.util.Optional<com.tttools.app.shared.NotFoundException> malformedId(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof com.tttools.app.shared.NotFoundException notFound) {
                return java.util.Optional.of(notFound);
            }
        }
        return java.util.Optional.empty();
    }
}
