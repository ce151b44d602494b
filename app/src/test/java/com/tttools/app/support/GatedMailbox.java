package com.tttools.app.support;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.MailDeliveryException;
import com.tttools.app.platform.mail.MailMessage;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The test context's mailer: the application's dev mailbox behind a gate. Open (the default) it passes every
 * message straight through; {@link #close()} makes senders wait until {@link #open()}, so a test can see that a
 * request answered while its mail was still being sent. Tests that close it open it again in a finally block.
 */
public class GatedMailbox extends DevMailbox {

    private final DevMailbox delegate;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile boolean failing;

    GatedMailbox(DevMailbox delegate) {
        super(Clock.systemUTC());
        this.delegate = delegate;
    }

    /** From now on, senders wait (at most a minute) until {@link #open()}. */
    public void close() {
        gate = new CountDownLatch(1);
    }

    public void open() {
        gate.countDown();
    }

    /** While on, every message fails as an unreachable SMTP server would (the exception names the recipient). */
    public void failing(boolean on) {
        failing = on;
    }

    /** How many senders are waiting at the gate right now. */
    public int waiting() {
        return waiting.get();
    }

    @Override
    public void send(MailMessage message) {
        CountDownLatch current = gate;
        waiting.incrementAndGet();
        try {
            if (!current.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test mail gate was never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted at the test mail gate", e);
        } finally {
            waiting.decrementAndGet();
        }
        if (failing) {
            throw new MailDeliveryException("Could not send to " + message.to(), null);
        }
        delegate.send(message);
    }

    @Override
    public List<Delivered> messages() {
        return delegate.messages();
    }

    /** Puts the gate in front of the application's dev mailbox (the bean stays a {@link DevMailbox}). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        static BeanPostProcessor gatedMailbox() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DevMailbox mailbox && !(bean instanceof GatedMailbox)
                            ? new GatedMailbox(mailbox) : bean;
                }
            };
        }
    }
}
