package com.tttools.app.tenancy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link WorkspaceAccess} (or {@link com.tttools.app.shared.WorkspaceId}) parameter of a web handler: the
 * workspace named by the path variable, resolved and authorized for the signed-in user before the handler runs.
 * A malformed id, an unknown or foreign workspace answers 404; a role below {@link #value()} answers 403.
 * Declare it before any request body so authorization comes before validation.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequireWorkspace {

    /** What the handler does in the workspace. */
    WorkspacePermission value();

    /** The path variable holding the workspace id. */
    String pathVariable() default "wsId";
}
