package com.tttools.app.platform.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Keeps the secrets of a request's URL and head out of the libraries' log lines (docs/security.md, Secrets in logs):
 * <ul>
 * <li>masks invitation tokens ({@link SecretPaths}) in every log line, whoever writes it. Spring Security ("Securing
 * GET /invitations/...") and Spring MVC ({@code GET "/invitations/..."}) print a request's raw path at DEBUG, and no
 * request wrapper can hide it from them, as routing reads the same path;</li>
 * <li>drops Tomcat's dump of the raw bytes it read ("Received [...]" of {@code org.apache.coyote.http11}, its trace,
 * which the bridge from java.util.logging hands on as DEBUG, with {@code logging.level.org.apache.coyote=TRACE}):
 * the request line, every header (the session cookie, {@code Authorization}, the CSRF header) and what arrived of
 * the body, which no masking of known names can make safe.</li>
 * </ul>
 *
 * <p>A Logback turbo filter sees each log call before any appender, so the masking holds for every output and format
 * (the console's pattern, the {@code prod} profile's structured ECS lines, a file). A call whose message shows an
 * invitation link is refused and the same event, masked, handed to the logger's appenders when the call would have
 * been logged; everything else passes untouched. Messages are checked for {@code "/invitations/"} first, so the cost
 * on other calls is a level comparison and one {@code String.contains}. Installed right after Spring Boot sets up logging
 * ({@code META-INF/spring.factories}), which it does again for every application context.
 */
public final class SecretsInRequestLogs implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        install();
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    /** Puts the filter first in Logback's turbo filters unless it is there already. */
    static synchronized void install() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext logging)) {
            return;
        }
        if (logging.getTurboFilterList().stream().anyMatch(MaskingFilter.class::isInstance)) {
            return;
        }
        MaskingFilter filter = new MaskingFilter(logging);
        filter.start();
        logging.getTurboFilterList().add(0, filter);
    }

    static final class MaskingFilter extends TurboFilter {

        private static final String FQCN = MaskingFilter.class.getName();
        private static final String TOMCAT_HTTP = "org.apache.coyote.http11.";
        private static final String TOMCAT_RAW_BYTES = "Received [";
        private final LoggerContext logging;

        MaskingFilter(LoggerContext logging) {
            this.logging = logging;
            setContext(logging);
            setName("secrets-in-request-logs");
        }

        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                Throwable t) {
            if (format == null || level == null) {
                return FilterReply.NEUTRAL;
            }
            if (format.startsWith(TOMCAT_RAW_BYTES) && logger.getName().startsWith(TOMCAT_HTTP)) {
                return FilterReply.DENY;
            }
            if (!showsAnInvitation(format, params)) {
                return FilterReply.NEUTRAL;
            }
            String message = params == null || params.length == 0 ? format
                    : MessageFormatter.basicArrayFormat(format, params);
            String masked = SecretPaths.maskIn(message);
            if (masked.equals(message)) {
                return FilterReply.NEUTRAL;
            }
            if (wouldBeLogged(marker, logger, level, format, params, t)) {
                LoggingEvent event = new LoggingEvent(FQCN, logger, level, masked, t, null);
                if (marker != null) {
                    event.addMarker(marker);
                }
                logger.callAppenders(event);
            }
            return FilterReply.DENY;
        }

        private static boolean showsAnInvitation(String format, Object[] params) {
            if (format.contains("/invitations/")) {
                return true;
            }
            if (params != null) {
                for (Object param : params) {
                    if (param instanceof CharSequence text && text.toString().contains("/invitations/")) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** What Logback decides without this filter: the other turbo filters first, then the logger's level. */
        private boolean wouldBeLogged(Marker marker, Logger logger, Level level, String format, Object[] params,
                Throwable t) {
            for (TurboFilter other : logging.getTurboFilterList()) {
                if (other == this) {
                    continue;
                }
                FilterReply reply = other.decide(marker, logger, level, format, params, t);
                if (reply != FilterReply.NEUTRAL) {
                    return reply == FilterReply.ACCEPT;
                }
            }
            return level.isGreaterOrEqual(logger.getEffectiveLevel());
        }
    }
}
