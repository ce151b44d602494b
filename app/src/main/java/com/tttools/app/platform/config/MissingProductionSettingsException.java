package com.tttools.app.platform.config;

import java.util.List;

/** The {@code prod} profile was started without settings it cannot do without. */
public class MissingProductionSettingsException extends IllegalStateException {

    private final List<String> missing;

    public MissingProductionSettingsException(List<String> missing) {
        super("The prod profile needs these environment variables, which are not set: " + String.join(", ", missing));
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
