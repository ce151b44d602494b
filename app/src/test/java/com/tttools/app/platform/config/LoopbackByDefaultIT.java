package com.tttools.app.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** Development defaults listen on loopback; an explicit public address in simulator/dev-mailbox mode is loud. */
class LoopbackByDefaultIT {

    private final List<String> warnings = new ArrayList<>();
    private final LoopbackByDefault processor = new LoopbackByDefault(supplier -> (Log) Proxy.newProxyInstance(
            Log.class.getClassLoader(), new Class<?>[] {Log.class}, (proxy, method, args) -> {
                if (method.getName().equals("warn")) {
                    warnings.add(String.valueOf(args[0]));
                }
                return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
            }));

    @Test
    void theQuickstartListensOnLoopbackOnly() {
        MockEnvironment quickstart = new MockEnvironment();
        processor.postProcessEnvironment(quickstart, new SpringApplication());
        assertThat(quickstart.getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(warnings).isEmpty();
    }

    @Test
    void simulatorModeWithAnExternalDatabaseListensOnLoopbackToo() {
        MockEnvironment environment = new MockEnvironment().withProperty("tttools.database.url", "postgres://db/app")
                .withProperty("tttools.mail.smtp-host", "smtp.example.com");
        processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void anExplicitPublicAddressIsKeptButWarnedAboutInSimulatorMode() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.address", "0.0.0.0");
        processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("server.address")).isEqualTo("0.0.0.0");
        assertThat(warnings).singleElement().asString().contains("SERVER_ADDRESS=0.0.0.0")
                .contains("/tiktok-sim/_sim").contains("/dev/mailbox");
    }

    @Test
    void anExplicitLoopbackAddressIsQuiet() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.address", "::1");
        processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("server.address")).isEqualTo("::1");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aRealSetupListensWhereverItIsToldAndStaysQuiet() {
        MockEnvironment real = new MockEnvironment().withProperty("tttools.database.url", "postgres://db/app")
                .withProperty("tttools.tiktok.app-id", "123").withProperty("tttools.tiktok.app-secret", "s")
                .withProperty("tttools.mail.smtp-host", "smtp.example.com");
        processor.postProcessEnvironment(real, new SpringApplication());
        assertThat(real.getProperty("server.address")).isNull();

        real.setProperty("server.address", "0.0.0.0");
        processor.postProcessEnvironment(real, new SpringApplication());
        assertThat(warnings).isEmpty();
    }

    @Test
    void prodIsLeftAlone() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        processor.postProcessEnvironment(prod, new SpringApplication());
        assertThat(prod.getProperty("server.address")).isNull();
    }
}
