package com.tttools.app.tiktok;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures the client's log lines of the calling thread (the test's own calls: background jobs that earlier tests
 * left running log on other threads): the retry waits it chose and its messages.
 */
final class AttemptLog implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger("com.tttools.app.tiktok.client.MarketingApiClient");
    private final Level previous = logger.getLevel();
    private final String thread = Thread.currentThread().getName();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    AttemptLog() {
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
    }

    /** The waits the client chose before each retry ("retrying in N ms"), in order: what it decided, not wall time. */
    List<Long> retryWaits() {
        return appender.list.stream()
                .filter(e -> e.getThreadName().equals(thread))
                .map(ILoggingEvent::getFormattedMessage)
                .map(RETRY_WAIT::matcher)
                .filter(java.util.regex.Matcher::find)
                .map(m -> Long.parseLong(m.group(1)))
                .toList();
    }

    private static final java.util.regex.Pattern RETRY_WAIT = java.util.regex.Pattern.compile("retrying in (\\d+) ms$");

    List<String> messages() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previous);
    }
}
