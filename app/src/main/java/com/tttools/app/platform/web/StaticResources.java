package com.tttools.app.platform.web;

import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static files and WebJars under names that carry a hash of their content ({@code app-3f2a….css}): the links the
 * templates write ({@code @{/css/app.css}}) are rewritten by {@link ResourceUrlEncodingFilter}, so a browser may
 * keep each file for a year without asking again ({@code immutable}), and a changed file gets a new name. Registered
 * before Boot's own handlers for the same patterns, which then stand back; nothing in the product links to an asset
 * without going through the templates (the scripts load no further files).
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaticResources implements WebMvcConfigurer {

    static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        hashed(registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/"));
        for (String folder : List.of("css", "js", "img")) {
            hashed(registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/"));
        }
        hashed(registry.addResourceHandler("/*.svg").addResourceLocations("classpath:/static/"));
    }

    private static void hashed(ResourceHandlerRegistration registration) {
        registration.setCacheControl(IMMUTABLE).resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }

    @Bean
    ResourceUrlEncodingFilter resourceUrlEncodingFilter() {
        return new ResourceUrlEncodingFilter();
    }
}
