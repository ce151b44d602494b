package com.tttools.app.platform.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * With the development defaults the app listens on loopback only. The embedded TikTok simulator (no TikTok
 * credentials) serves every access token at {@code /tiktok-sim/_sim/tokens}, and the dev mailbox (no SMTP,
 * embedded database) holds password-reset links: neither may be reachable from the network by accident. So
 * outside {@code prod}, when the simulator or the embedded database is in use and {@code SERVER_ADDRESS} (
 * {@code server.address}) is not set, {@code server.address} becomes {@code 127.0.0.1}. Setting it to a
 * non-loopback address in simulator or dev-mailbox mode is allowed but logged as a warning at every start.
 */
class LoopbackByDefault implements EnvironmentPostProcessor {

    static final String LOOPBACK = "127.0.0.1";
    static final String SOURCE = "tttools-loopback-by-default";

    private final Log log;

    LoopbackByDefault(DeferredLogFactory logs) {
        this.log = logs.getLog(LoopbackByDefault.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        boolean simulator = blank(environment.getProperty("tttools.tiktok.app-id"))
                && blank(environment.getProperty("tttools.tiktok.app-secret"));
        boolean embeddedDatabase = blank(environment.getProperty("tttools.database.url"));
        boolean devMailbox = embeddedDatabase && blank(environment.getProperty("tttools.mail.smtp-host"));
        String address = environment.getProperty("server.address");
        if (blank(address)) {
            if (simulator || embeddedDatabase) {
                environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of("server.address", LOOPBACK)));
            }
            return;
        }
        if ((simulator || devMailbox) && !loopback(address)) {
            log.warn("SERVER_ADDRESS=" + address + " makes this instance reachable from the network while it runs "
                    + (simulator ? "the embedded TikTok simulator (its control API at /tiktok-sim/_sim lists every access token)" : "")
                    + (simulator && devMailbox ? " and " : "")
                    + (devMailbox ? "the dev mailbox (/dev/mailbox holds sign-in and password-reset links)" : "")
                    + ". Unset SERVER_ADDRESS to listen on 127.0.0.1 only, or configure TikTok credentials and SMTP.");
        }
    }

    static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
