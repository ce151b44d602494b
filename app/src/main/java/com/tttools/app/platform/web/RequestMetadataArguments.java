package com.tttools.app.platform.web;

import com.tttools.app.shared.audit.RequestMetadata;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A controller method takes {@code RequestMetadata request} (IP, user agent, request id of the request it serves)
 * and passes it down to the services that record it in events, instead of the services reading the thread's
 * request: what a service records is then visible in its signature, and the same service called from a job says
 * {@link RequestMetadata#none()} explicitly.
 */
@Configuration(proxyBeanMethods = false)
class RequestMetadataArguments implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new Resolver());
    }

    static final class Resolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == RequestMetadata.class;
        }

        @Override
        public RequestMetadata resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                NativeWebRequest request, WebDataBinderFactory binders) {
            HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
            return servlet == null ? RequestMetadata.none() : HttpRequestMetadata.of(servlet);
        }
    }
}
