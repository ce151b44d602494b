package com.tttools.app.platform.config;

import com.tttools.app.platform.database.DatabaseUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * In the {@code prod} profile the settings that have a development fallback must be given explicitly: an
 * embedded database, a guessed base URL, a generated encryption key or the in-memory dev mailbox are never
 * acceptable in production. Given settings must also be safe: an https base URL (Secure cookies, HSTS) and
 * TLS to a database on another machine (for the application's and the migrations' connection alike). Runs before any bean is created, so nothing (no embedded database,
 * no dev mailbox) starts first.
 */
@Configuration(proxyBeanMethods = false)
@Profile("prod")
class ProductionSettingsGuard {

    static final List<String> REQUIRED = List.of("DATABASE_URL", "TTTOOLS_BASE_URL", "TTTOOLS_ENCRYPTION_KEYS",
            "TTTOOLS_OPERATOR_NAME", "TTTOOLS_PRIVACY_CONTACT");   // the last two: who the privacy policy names
    /** Any one of these is a mail channel (the providers through their SMTP relays, see MailConfiguration). */
    static final List<String> MAIL_CHANNELS = List.of("SMTP_HOST", "RESEND_API_KEY", "POSTMARK_SERVER_TOKEN");
    /** Connection settings that must use TLS unless they stay on this machine. */
    static final List<String> DATABASE_SETTINGS = List.of("DATABASE_URL", "DATABASE_MIGRATION_URL");
    private static final Set<String> TLS_MODES = Set.of("require", "verify-ca", "verify-full");
    private static final Pattern JDBC_HOSTS = Pattern.compile("^jdbc:postgresql://([^/?]*)");
    private static final Pattern SSL_MODE = Pattern.compile("(?:^|[?&])sslmode=([^&]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SSL_TRUE = Pattern.compile("(?:^|[?&])ssl=true(?:&|$)", Pattern.CASE_INSENSITIVE);

    @Bean
    static BeanFactoryPostProcessor productionSettingsCheck() {
        return new Check();
    }

    static List<String> missing(Environment environment) {
        List<String> missing = new ArrayList<>(REQUIRED.stream()
                .filter(name -> isBlank(environment.getProperty(name))).toList());
        if (MAIL_CHANNELS.stream().allMatch(name -> isBlank(environment.getProperty(name)))) {
            missing.add(String.join(" or ", MAIL_CHANNELS));
        }
        return missing;
    }

    /** Settings that are given but unsafe, each as a sentence naming the setting (never its secret value). */
    static List<String> unsafe(Environment environment) {
        List<String> problems = new ArrayList<>();
        String baseUrl = environment.getProperty("TTTOOLS_BASE_URL");
        if (!isBlank(baseUrl) && !baseUrl.strip().toLowerCase(Locale.ROOT).startsWith("https://")) {
            problems.add("TTTOOLS_BASE_URL must be an https:// URL in production (cookies are Secure and "
                    + "__Host- only on https)");
        }
        // the migration connection carries the same credentials and the whole schema: it needs TLS just as much
        for (String setting : DATABASE_SETTINGS) {
            String databaseUrl = environment.getProperty(setting);
            if (!isBlank(databaseUrl)) {
                String jdbcUrl = DatabaseUrl.parse(databaseUrl).jdbcUrl();
                if (!loopbackOnly(jdbcUrl) && !tls(jdbcUrl)) {
                    problems.add(setting + " points to a database on another machine without TLS: add "
                            + "sslmode=require (or verify-ca / verify-full)");
                }
            }
        }
        return problems;
    }

    private static boolean loopbackOnly(String jdbcUrl) {
        Matcher hosts = JDBC_HOSTS.matcher(jdbcUrl);
        if (!hosts.find() || hosts.group(1).isBlank()) {
            return false;
        }
        for (String hostAndPort : hosts.group(1).split(",")) {
            if (!loopback(host(hostAndPort))) {
                return false;
            }
        }
        return true;
    }

    private static String host(String hostAndPort) {
        if (hostAndPort.startsWith("[")) {
            return hostAndPort.substring(1, Math.max(1, hostAndPort.indexOf(']')));
        }
        int colon = hostAndPort.indexOf(':');
        return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
    }

    private static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("::1") || h.matches("127(\\.\\d{1,3}){3}");
    }

    /** sslmode require/verify-ca/verify-full, or pgjdbc's ssl=true without a weaker sslmode (means verify-full). */
    private static boolean tls(String jdbcUrl) {
        int question = jdbcUrl.indexOf('?');
        String query = question < 0 ? "" : jdbcUrl.substring(question + 1);
        Matcher mode = SSL_MODE.matcher(query);
        if (mode.find()) {
            return TLS_MODES.contains(mode.group(1).toLowerCase(Locale.ROOT));
        }
        return SSL_TRUE.matcher(query).find();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static final class Check implements BeanFactoryPostProcessor, EnvironmentAware {

        private Environment environment;

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = environment;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            List<String> missing = missing(environment);
            if (!missing.isEmpty()) {
                throw new MissingProductionSettingsException(missing);
            }
            List<String> unsafe = unsafe(environment);
            if (!unsafe.isEmpty()) {
                throw new UnsafeProductionSettingsException(unsafe);
            }
        }
    }

}
