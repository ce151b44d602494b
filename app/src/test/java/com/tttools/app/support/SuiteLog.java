package com.tttools.app.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Security check 44 (docs/security-tests.md): every log line of the integration suite goes to a file, and every
 * secret the tests handle (passwords sent, session and CSRF cookies, CSRF, personal access, second-factor and
 * other tokens answered) is written down beside it. {@code SuiteLogHygieneCheck} runs after the suite (its own
 * failsafe execution) and fails on any secret found in the log.
 *
 * <p>Spring Boot resets Logback whenever a new application context starts, which drops added appenders, so the
 * appender is re-attached before each test, when the test's context is already up.
 */
public final class SuiteLog implements BeforeEachCallback {

    static final Path DIRECTORY = Path.of("target", "suite-logs");
    private static final String APPENDER = "suite-log";
    private static final long PID = ProcessHandle.current().pid();
    private static final Path LOG = DIRECTORY.resolve("log-" + PID + ".log");
    private static final Path SECRETS = DIRECTORY.resolve("secrets-" + PID + ".txt");
    private static final Set<String> RECORDED = ConcurrentHashMap.newKeySet();
    private static final Pattern SECRET_FIELDS = Pattern.compile(
            "\"(password|currentPassword|newPassword|token|secret|accessToken|refreshToken|code)\"\\s*:\\s*\"([^\"]{8,})\"");

    @Override
    public void beforeEach(ExtensionContext context) {
        attach();
    }

    /** Attaches the file appender to the root logger unless it is already there. */
    public static synchronized void attach() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(APPENDER) != null) {
            return;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(logging);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} [%X{requestId:-}] %msg%n%ex");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setName(APPENDER);
        appender.setContext(logging);
        appender.setFile(LOG.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        root.addAppender(appender);
    }

    /** Writes down a secret a test sent or received (values shorter than 8 characters are too common to search for). */
    public static void secret(String value) {
        if (value == null || value.length() < 8 || !RECORDED.add(value)) {
            return;
        }
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(SECRETS, value + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes down the values of secret-named JSON fields in a request or response body. */
    public static void secretsIn(String json) {
        if (json == null || json.isEmpty()) {
            return;
        }
        Matcher matcher = SECRET_FIELDS.matcher(json);
        while (matcher.find()) {
            secret(matcher.group(2));
        }
    }
}
