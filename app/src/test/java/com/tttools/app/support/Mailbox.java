package com.tttools.app.support;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.MailMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import java.time.Duration;

/** Reads links out of the dev mailbox, as a user would click them. */
public final class Mailbox {

    private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_-]+)");

    private Mailbox() {
    }

    /**
     * Mail leaves through the outbox, one db-scheduler execution per delivery, after the request's commit; the wait
     * is generous because the scheduler's threads may be busy with other tests' syncs when the suite runs.
     */
    public static MailMessage latestTo(DevMailbox mailbox, String to, String subjectPart) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> mailbox.messages().stream()
                .map(DevMailbox.Delivered::message)
                .filter(m -> m.to().equalsIgnoreCase(to) && m.subject().contains(subjectPart))
                .findFirst().orElse(null), m -> m != null);
    }

    /** The newest matching message once at least {@code count} of them arrived (sent after commit, in the background). */
    public static MailMessage latestTo(DevMailbox mailbox, String to, String subjectPart, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> mailbox.messages().stream()
                .map(DevMailbox.Delivered::message)
                .filter(m -> m.to().equalsIgnoreCase(to) && m.subject().contains(subjectPart)).count() >= count);
        return latestTo(mailbox, to, subjectPart);
    }

    public static String tokenIn(MailMessage message) {
        Matcher matcher = TOKEN.matcher(message.text());
        if (!matcher.find()) {
            throw new AssertionError("No token link in: " + message.subject());
        }
        SuiteLog.secret(matcher.group(1));
        return matcher.group(1);
    }
}
