package com.tttools.app.platform.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a malformed {@code DATABASE_URL} into Boot's short start-up failure report instead of a stack trace. */
class InvalidDatabaseUrlFailureAnalyzer extends AbstractFailureAnalyzer<InvalidDatabaseUrlException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidDatabaseUrlException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set DATABASE_URL to postgres://user:password@host:5432/database?sslmode=require "
                        + "or jdbc:postgresql://host:5432/database, or unset it to use the embedded PostgreSQL.",
                cause);
    }
}
