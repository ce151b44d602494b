package com.tttools.app.platform.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports missing production settings as one short start-up failure, naming each missing variable. */
class MissingProductionSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingProductionSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingProductionSettingsException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set " + String.join(", ", cause.missing()) + " (see the configuration table in README.md), "
                        + "or start without the prod profile for local use.",
                cause);
    }
}
