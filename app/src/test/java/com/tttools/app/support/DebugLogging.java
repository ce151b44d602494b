package com.tttools.app.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Turns the given loggers to DEBUG (or TRACE) for each test ({@code @RegisterExtension}) and back to the levels
 * configured before afterwards (not to none: that would silence com.tttools's INFO for later tests). The log hygiene
 * tests read the console through {@code OutputCaptureExtension}.
 */
public final class DebugLogging implements BeforeEachCallback, AfterEachCallback {

    /** Our code and the libraries that print requests, credentials and sessions at DEBUG (Tomcat included). */
    public static final List<String> REQUEST_HANDLING = List.of("com.tttools", "org.springframework.web",
            "org.springframework.security", "org.springframework.session", "org.apache.catalina", "org.apache.coyote",
            "org.apache.tomcat");

    private final LogLevel level;
    private final List<String> loggers;
    private final Map<String, LogLevel> configured = new HashMap<>();
    /**
     * Tomcat logs through java.util.logging, whose loggers are held weakly: a level set through Logback's propagation
     * is lost when the logger is collected, so the levels are also set here and the loggers kept while a test runs.
     */
    private final Map<java.util.logging.Logger, java.util.logging.Level> jdkLoggers = new HashMap<>();

    public DebugLogging(List<String> loggers) {
        this(LogLevel.DEBUG, loggers);
    }

    public DebugLogging(LogLevel level, List<String> loggers) {
        this.level = level;
        this.loggers = List.copyOf(loggers);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        turnOn();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        restore();
    }

    /** The loggers at the level, as for a test (for a part of a test: {@link #restore()} in a finally block). */
    public void turnOn() {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        for (String logger : loggers) {
            LoggerConfiguration configuration = logging.getLoggerConfiguration(logger);
            configured.put(logger, configuration == null ? null : configuration.getConfiguredLevel());
            logging.setLogLevel(logger, level);
            java.util.logging.Logger jdk = java.util.logging.Logger.getLogger(logger);
            jdkLoggers.put(jdk, jdk.getLevel());
            jdk.setLevel(level == LogLevel.TRACE ? java.util.logging.Level.FINEST : java.util.logging.Level.FINE);
        }
    }

    /** The levels as configured before. */
    public void restore() {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        configured.forEach(logging::setLogLevel);
        configured.clear();
        jdkLoggers.forEach(java.util.logging.Logger::setLevel);
        jdkLoggers.clear();
    }
}
