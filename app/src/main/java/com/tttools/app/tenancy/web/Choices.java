package com.tttools.app.tenancy.web;

import java.time.ZoneId;
import java.util.List;

/** Option lists for the forms. */
final class Choices {

    /** IANA region zones (no legacy aliases), sorted, for the reporting timezone select. */
    static final List<String> TIMEZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
            .sorted().toList();

    static final List<String> ORGANIZATION_ROLES = List.of("MEMBER", "ADMIN", "OWNER");
    static final List<String> WORKSPACE_ROLES = List.of("ANALYST", "OPERATOR", "ADMIN");

    private Choices() {
    }
}
