package com.tttools.app.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the SQL statements one HTTP request prepares: import {@link Configuration} into a test, send the request
 * with the header {@value #HEADER}, then read {@link #lastRequest()}. Every statement the request's thread
 * creates through the application's {@link DataSource} counts (JdbcClient, Spring Session, security); work on
 * other threads (jobs, the scheduler) does not.
 */
public final class StatementCounter {

    public static final String HEADER = "X-Test-Count-Statements";
    private static final Set<String> CREATING = Set.of("prepareStatement", "createStatement", "prepareCall");
    private static final ThreadLocal<AtomicInteger> ARMED = new ThreadLocal<>();
    private static final AtomicInteger LAST = new AtomicInteger(-1);

    private StatementCounter() {
    }

    /** The statements of the last request sent with {@value #HEADER}, or -1 when none was. */
    public static int lastRequest() {
        return LAST.get();
    }

    @TestConfiguration
    public static class Configuration {

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource ds && !(bean instanceof Counting) ? new Counting(ds) : bean;
                }
            };
        }

        /** Arms the counter for requests carrying the header; first so that the security chain counts too. */
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        OncePerRequestFilter statementCountingFilter() {
            return new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                        FilterChain chain) throws ServletException, IOException {
                    if (request.getHeader(HEADER) == null) {
                        chain.doFilter(request, response);
                        return;
                    }
                    AtomicInteger count = new AtomicInteger();
                    ARMED.set(count);
                    try {
                        chain.doFilter(request, response);
                    } finally {
                        ARMED.remove();
                        LAST.set(count.get());
                    }
                }
            };
        }
    }

    static final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counting(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counting(super.getConnection(username, password));
        }

        private static Connection counting(Connection target) {
            return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        AtomicInteger count = ARMED.get();
                        if (count != null && CREATING.contains(method.getName())) {
                            count.incrementAndGet();
                        }
                        try {
                            return method.invoke(target, args);
                        } catch (InvocationTargetException e) {
                            throw e.getTargetException();
                        }
                    });
        }
    }
}
