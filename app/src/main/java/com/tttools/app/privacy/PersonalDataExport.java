package com.tttools.app.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything held about one subject (a user, or an organization for its owner), as sections of rows. Each section
 * becomes a JSON array in {@code data.json} and a CSV file in the ZIP. Section and field names are snake case.
 */
public record PersonalDataExport(String format, Instant exportedAt, String subjectId,
        Map<String, List<Map<String, Object>>> sections) {

    public static final String USER_FORMAT = "tttools-personal-data/1";
    public static final String ORGANIZATION_FORMAT = "tttools-organization-data/1";
}
