package com.tttools.app.platform.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports unsafe production settings as one short start-up failure, one line per setting. */
class UnsafeProductionSettingsFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeProductionSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeProductionSettingsException cause) {
        return new FailureAnalysis("The prod profile refuses unsafe settings:\n - "
                + String.join("\n - ", cause.problems()),
                "Fix the settings named above (see the configuration table in README.md), "
                        + "or start without the prod profile for local use.",
                cause);
    }
}
