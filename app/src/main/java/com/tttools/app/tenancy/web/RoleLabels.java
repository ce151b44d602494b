package com.tttools.app.tenancy.web;

import com.tttools.app.tenancy.OrganizationRole;
import com.tttools.app.tenancy.WorkspaceRole;
import org.springframework.stereotype.Component;

/**
 * Roles as pages show them ({@code ${@roles.label(role)}}): the words of {@link OrganizationRole} and
 * {@link WorkspaceRole} ("Owner", "Analyst") instead of the stored codes, which forms still post as option values.
 * Views hold a role as the enum or as its name; both read the same.
 */
@Component("roles")
public class RoleLabels {

    /** {@code OWNER} (a role or its name) → "Owner"; "" for none; an unknown name as it is. */
    public String label(Object role) {
        if (role instanceof OrganizationRole r) {
            return r.label();
        }
        if (role instanceof WorkspaceRole r) {
            return r.label();
        }
        if (role == null) {
            return "";
        }
        String name = role.toString();
        return OrganizationRole.parse(name).map(OrganizationRole::label)
                .or(() -> WorkspaceRole.parse(name).map(WorkspaceRole::label))
                .orElse(name);
    }
}
