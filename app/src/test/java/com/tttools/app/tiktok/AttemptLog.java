package com.tttools.app.tiktok;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures the client's per-attempt DEBUG lines of the calling thread (the test's own calls: background jobs that
 * earlier tests left running log on other threads), whose timestamps give the real gaps between attempts.
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

    List<Long> attemptTimes() {
        return appender.list.stream()
                .filter(e -> e.getLevel() == Level.DEBUG && e.getFormattedMessage().startsWith("TikTok ")
                        && e.getThreadName().equals(thread))
                .map(ILoggingEvent::getTimeStamp)
                .toList();
    }

    List<Long> gaps() {
        List<Long> times = attemptTimes();
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            gaps.add(times.get(i) - times.get(i - 1));
        }
        return gaps;
    }

    List<String> messages() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previous);
    }
}
