package com.tttools.app.platform.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Development mailer: keeps the last messages in memory for the {@code /dev/mailbox} page and logs that one
 * was sent (subject only: links in the body are credentials, and recipient addresses are personal data).
 */
public class DevMailbox implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(DevMailbox.class);
    private static final int KEEP = 200;

    public record Delivered(Instant at, MailMessage message) {
    }

    private final Deque<Delivered> messages = new ArrayDeque<>();
    private final Clock clock;

    public DevMailbox(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void send(MailMessage message) {
        messages.addFirst(new Delivered(clock.instant(), message));
        while (messages.size() > KEEP) {
            messages.removeLast();
        }
        log.info("Dev mailbox: \"{}\" kept (read it at /dev/mailbox)", message.subject());
    }

    /** Newest first. */
    public synchronized List<Delivered> messages() {
        return List.copyOf(messages);
    }
}
