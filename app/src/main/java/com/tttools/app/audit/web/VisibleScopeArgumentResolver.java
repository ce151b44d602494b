package com.tttools.app.audit.web;

import com.tttools.app.audit.VisibleScope;
import com.tttools.app.shared.NotFoundException;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Hands the endpoints the {@link VisibleScope} that authorization put on the request, and fails closed: no
 * scope, or a scope for another organization than the path's, is 404. Never binds a scope from request
 * parameters.
 */
class VisibleScopeArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return VisibleScope.class.equals(parameter.getParameterType());
    }

    @Override
    public VisibleScope resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest request, WebDataBinderFactory binderFactory) {
        Object scope = request.getAttribute(VisibleScope.REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
                RequestAttributes.SCOPE_REQUEST);
        String orgId = variables instanceof Map<?, ?> map ? (String) map.get("orgId") : null;
        if (scope instanceof VisibleScope visible && visible.organizationId().toString().equals(orgId)) {
            return visible;
        }
        throw new NotFoundException("Organization");
    }
}
