package com.tttools.app.platform.config;

import java.util.List;

/** The {@code prod} profile was started with settings that are given but unsafe (plain http, no database TLS). */
public class UnsafeProductionSettingsException extends IllegalStateException {

    private final List<String> problems;

    public UnsafeProductionSettingsException(List<String> problems) {
        super("The prod profile refuses unsafe settings: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
