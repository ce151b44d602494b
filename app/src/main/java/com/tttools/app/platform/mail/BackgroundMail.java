package com.tttools.app.platform.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends mail off the request thread: the message is handed, after the current transaction commits (at once
 * when there is none), to a small bounded pool ({@value #THREADS} threads, {@value #QUEUE} waiting messages) that
 * calls the {@link Mailer}. So an answer never waits for SMTP, and one that sends mail for some inputs only (a
 * password reset for a known address) takes no longer than one that sends none. A rolled-back transaction sends
 * nothing.
 *
 * <p>Best effort, not an outbox: a failed send, a full queue or a shutdown loses the message, logged with its
 * subject only (never the recipient, the body or its links, nor the exception's message, which may name the
 * recipient); the user asks again. The pool is this component's own {@link ThreadPoolTaskExecutor}, not a bean, so
 * that Spring Boot's application task executor (used by {@code @Async} and the module listeners) stays as it is.
 */
@Component
public class BackgroundMail implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackgroundMail.class);
    static final int THREADS = 2;
    static final int QUEUE = 500;

    private final Mailer mailer;
    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    BackgroundMail(Mailer mailer) {
        this.mailer = mailer;
        executor.setCorePoolSize(THREADS);
        executor.setMaxPoolSize(THREADS);
        executor.setQueueCapacity(QUEUE);
        executor.setThreadNamePrefix("mail-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
    }

    /** Sends the message once the current transaction has committed; never throws for a delivery problem. */
    public void sendAfterCommit(MailMessage message) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    submit(message);
                }
            });
        } else {
            submit(message);
        }
    }

    private void submit(MailMessage message) {
        try {
            executor.execute(() -> send(message));
        } catch (TaskRejectedException e) {
            log.warn("Mail \"{}\" not sent: the background mail queue is full or shutting down", message.subject());
        }
    }

    private void send(MailMessage message) {
        try {
            mailer.send(message);
        } catch (RuntimeException e) {
            log.warn("Mail \"{}\" not sent in the background ({}); it is not retried", message.subject(),
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
