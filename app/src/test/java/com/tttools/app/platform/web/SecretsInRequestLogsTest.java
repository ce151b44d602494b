package com.tttools.app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;

/**
 * The turbo filter on a Logback context of its own: an invitation link is logged masked exactly when the line would
 * have been logged, every other line as it was, and Tomcat's raw request bytes not at all.
 */
class SecretsInRequestLogsTest {

    private static final String TOKEN = "k3Jd8_sEcReT-InViTe-ToKeN";

    private final LoggerContext logging = new LoggerContext();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void setUp() {
        SecretsInRequestLogs.MaskingFilter filter = new SecretsInRequestLogs.MaskingFilter(logging);
        filter.start();
        logging.getTurboFilterList().add(filter);
        appender.setContext(logging);
        appender.start();
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
    }

    @Test
    void springsRequestLinesShowTheInvitationPathMasked() {
        logging.getLogger("org.springframework.security.web.FilterChainProxy")
                .debug("Securing POST /api/v1/invitations/" + TOKEN + "/accept");
        logging.getLogger("org.springframework.web.servlet.DispatcherServlet")
                .debug("GET \"/invitations/" + TOKEN + "\", parameters={}");
        logging.getLogger("com.tttools.app.Example").info("Saved request http://localhost:8080/invitations/{} to session",
                TOKEN);

        assertThat(messages()).containsExactly("Securing POST /api/v1/invitations/***/accept",
                "GET \"/invitations/***\", parameters={}", "Saved request http://localhost:8080/invitations/*** to session");
        assertThat(appender.list.get(0).getLevel()).isEqualTo(Level.DEBUG);
        assertThat(appender.list.get(0).getLoggerName()).isEqualTo("org.springframework.security.web.FilterChainProxy");
    }

    @Test
    void otherLinesAndAnOrganizationsInvitationIdsStayAsTheyAre() {
        Logger logger = logging.getLogger("org.springframework.security.web.FilterChainProxy");
        logger.debug("Securing POST /organizations/o-1/invitations/i-2/revoke");
        logger.debug("Securing GET /workspaces/{}/reports", "w-1");

        assertThat(messages()).containsExactly("Securing POST /organizations/o-1/invitations/i-2/revoke",
                "Securing GET /workspaces/w-1/reports");
    }

    @Test
    void aLineBelowItsLoggersLevelStaysUnloggedUnlessAnotherFilterLetsItThrough() {
        Logger quiet = logging.getLogger("org.springframework.web");
        quiet.setLevel(Level.INFO);
        quiet.debug("GET \"/invitations/" + TOKEN + "\"");
        assertThat(appender.list).isEmpty();

        logging.getTurboFilterList().add(new TurboFilter() {
            @Override
            public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                    Throwable t) {
                return FilterReply.ACCEPT;
            }
        });
        quiet.debug("GET \"/invitations/" + TOKEN + "\"");
        assertThat(messages()).containsExactly("GET \"/invitations/***\"");
    }

    @Test
    void tomcatsRawRequestBytesAreNotLogged() {
        Logger tomcat = logging.getLogger("org.apache.coyote.http11.Http11InputBuffer");
        tomcat.setLevel(Level.TRACE);
        tomcat.trace("Received [GET /me HTTP/1.1\r\nCookie: SESSION=" + TOKEN + "\r\n\r\n]");
        // Tomcat's trace (java.util.logging's FINER) reaches Logback as DEBUG through the bridge
        tomcat.debug("Received [POST /api/v1/auth/login HTTP/1.1\r\n\r\n{\"password\":\"" + TOKEN + "\"}]");
        tomcat.trace("Before fill(): parsingHeader: [true]");

        assertThat(messages()).containsExactly("Before fill(): parsingHeader: [true]");
    }

    private List<String> messages() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
