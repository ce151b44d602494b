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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the SQL statements one HTTP request prepares: send the request with the header {@value #HEADER}, then
 * read {@link #lastRequest()}. {@link IntegrationTest} imports {@link Configuration} (a second application context
 * would pause the shared one, and db-scheduler cannot restart), and requests without the header pass untouched. Every statement the request's thread
 * creates through the application's {@link DataSource} counts (JdbcClient, Spring Session, security); work on
 * other threads (jobs, the scheduler) does not. The same data source feeds {@link StatementLog}, {@link TenantProbe} and {@link TenantReads}.
 */
public final class StatementCounter {

    public static final String HEADER = "X-Test-Count-Statements";
    private static final Set<String> CREATING = Set.of("prepareStatement", "createStatement", "prepareCall");
    private static final ThreadLocal<List<String>> ARMED = new ThreadLocal<>();
    private static volatile List<String> last = List.of();
    private static volatile List<String> everywhere;   // all threads but the one that armed it (benchmarks)
    private static volatile Thread armedBy;

    private StatementCounter() {
    }

    /** The SQL of the statements the last request sent with {@value #HEADER} prepared, in order. */
    public static List<String> lastRequest() {
        return last;
    }

    /**
     * {@link #lastRequest()} without Spring Session's own statements (those on its {@code spring_session} tables:
     * loading the session at the start, saving its last access time at the end), which every signed-in request
     * pays alike, pages and API.
     */
    public static List<String> lastRequestAfterSession() {
        return last.stream().filter(sql -> !sql.toLowerCase(java.util.Locale.ROOT).contains("spring_session"))
                .toList();
    }

    /**
     * Starts counting the statements of every thread except the caller's (background jobs, the scheduler, requests),
     * for a benchmark that wants to know what a job costs; {@link #stopEverywhere()} returns them.
     */
    public static void startEverywhere() {
        armedBy = Thread.currentThread();
        everywhere = java.util.Collections.synchronizedList(new ArrayList<>());
    }

    /** The statements counted since {@link #startEverywhere()}, in order; counting stops. */
    public static List<String> stopEverywhere() {
        List<String> counted = everywhere;
        everywhere = null;
        armedBy = null;
        if (counted == null) {
            return List.of();
        }
        synchronized (counted) {
            return List.copyOf(counted);
        }
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
                    List<String> statements = new ArrayList<>();
                    ARMED.set(statements);
                    try {
                        chain.doFilter(request, response);
                    } finally {
                        ARMED.remove();
                        last = List.copyOf(statements);
                    }
                }
            };
        }
    }

    static final class Counting extends DelegatingDataSource implements AutoCloseable {

        Counting(DataSource target) {
            super(target);
        }

        /** The pool's bean is declared with {@code destroyMethod = "close"}: closing goes to the pool. */
        @Override
        public void close() throws Exception {
            if (getTargetDataSource() instanceof AutoCloseable pool) {
                pool.close();
            }
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
                        List<String> statements = ARMED.get();
                        List<String> all = everywhere;
                        if ((statements != null || all != null && Thread.currentThread() != armedBy)
                                && CREATING.contains(method.getName())) {
                            String text = args != null && args.length > 0 && args[0] instanceof String sql
                                    ? sql.strip().replaceAll("\\s+", " ") : "(statement)";
                            if (statements != null) {
                                statements.add(text);
                            }
                            if (all != null && Thread.currentThread() != armedBy) {
                                all.add(text);
                            }
                        }
                        if (method.getName().equals("prepareStatement") && args[0] instanceof String sql) {
                            TenantProbe.beforePrepare(target, sql, statements != null);
                        }
                        try {
                            Object result = method.invoke(target, args);
                            if (method.getName().equals("createStatement")) {
                                return StatementLog.wrapIfRecording(result);
                            }
                            return method.getName().equals("prepareStatement") && args[0] instanceof String sql
                                    ? TenantReads.wrap(target, sql, StatementLog.wrapIfRecording(sql, result))
                                    : result;
                        } catch (InvocationTargetException e) {
                            throw e.getTargetException();
                        }
                    });
        }
    }
}
