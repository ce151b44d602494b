package com.tttools.app.identity.session;

import com.tttools.app.identity.secret.Secrets;
import com.tttools.app.platform.config.PlatformProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Spring Session JDBC with the defaults that fall short replaced (docs/security.md):
 * session ids of 32 random bytes instead of UUIDs, a {@code __Host-} cookie that is always Secure on https,
 * and the idle timeout from {@link SessionProperties}.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    static final String COOKIE = "SESSION";

    @Bean
    SessionIdGenerator sessionIdGenerator() {
        return Secrets::randomToken;
    }

    @Bean
    CookieSerializer cookieSerializer(PlatformProperties platform) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName(platform.https() ? "__Host-" + COOKIE : COOKIE);
        serializer.setCookiePath("/");
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        serializer.setUseSecureCookie(platform.https());
        serializer.setUseBase64Encoding(false);
        return serializer;
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionRepositoryCustomizer(SessionProperties properties,
            SessionIdGenerator ids) {
        return repository -> {
            repository.setDefaultMaxInactiveInterval(properties.idleTimeout());
            repository.setSessionIdGenerator(ids);
        };
    }
}
