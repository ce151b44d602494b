package com.tttools.app.tenancy.web;

import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Roles as pages show them ({@code ${@roles.label(role)}}): "Owner", "Admin", "Member", "Analyst", "Operator"
 * instead of the stored {@code OWNER}-style codes, which forms still post as option values.
 */
@Component("roles")
public class RoleLabels {

    /** {@code OWNER} (a role enum or its name) → "Owner"; "" for none. */
    public String label(Object role) {
        if (role == null || role.toString().isBlank()) {
            return "";
        }
        String code = role.toString().strip().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(code.charAt(0)) + code.substring(1);
    }
}
