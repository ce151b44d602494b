package com.tttools.app.tenancy.web;

import com.tttools.app.tenancy.RequireOrganization;
import com.tttools.app.tenancy.RequireWorkspace;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * The API description ({@code /v3/api-docs}) of a {@code @RequireWorkspace} or {@code @RequireOrganization} argument:
 * the path variable {@link TenantAccessArgumentResolver} reads, described as a {@code @PathVariable} id is, where
 * springdoc would take the unannotated argument for a required query parameter of its Java type.
 */
@Component
class TenantPathParameters implements OperationCustomizer {

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            String variable = pathVariable(parameter);
            if (variable == null) {
                continue;
            }
            parameter.initParameterNameDiscovery(NAMES);
            String argument = parameter.getParameterName();
            List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>()
                    : new ArrayList<>(operation.getParameters());
            int at = 0;
            for (int i = 0; i < parameters.size(); i++) {
                if ("query".equals(parameters.get(i).getIn()) && parameters.get(i).getName().equals(argument)) {
                    parameters.remove(i);
                    at = i;
                    break;
                }
            }
            if (parameters.stream().noneMatch(p -> "path".equals(p.getIn()) && variable.equals(p.getName()))) {
                parameters.add(at, new PathParameter().name(variable).required(true).schema(new StringSchema()));
            }
            operation.setParameters(parameters);
        }
        return operation;
    }

    private static String pathVariable(MethodParameter parameter) {
        RequireWorkspace workspace = parameter.getParameterAnnotation(RequireWorkspace.class);
        if (workspace != null) {
            return workspace.pathVariable();
        }
        RequireOrganization organization = parameter.getParameterAnnotation(RequireOrganization.class);
        return organization == null ? null : organization.pathVariable();
    }
}
