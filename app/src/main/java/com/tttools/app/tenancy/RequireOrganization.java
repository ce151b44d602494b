package com.tttools.app.tenancy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an {@link OrganizationAccess} (or {@link com.tttools.app.shared.OrganizationId}) parameter of a web handler:
 * the organization named by the path variable, resolved and authorized for the signed-in user before the handler
 * runs. A malformed id or an organization the user is not a member of answers 404; a role below {@link #value()}
 * answers 403.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequireOrganization {

    /** What the handler does in the organization. */
    OrganizationPermission value();

    /** The path variable holding the organization id. */
    String pathVariable() default "orgId";
}
