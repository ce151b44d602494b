package com.tttools.simulator;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Standalone simulator: {@code java -jar tiktok-simulator-<version>-exec.jar --port 9100 --seed 42 --scale small}.
 * No auto-configuration: a Tomcat factory and the simulator servlet at the root are the only beans. The class is
 * a "lite" configuration source without annotations so that no host application can component-scan it.
 */
public class SimulatorApplication {

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        if (opts.containsKey("benchmark")) {
            SimulatorBenchmark.main(args);
            return;
        }
        start(Integer.parseInt(opts.getOrDefault("port", "9100")), settings(opts));
    }

    public static ConfigurableApplicationContext start(int port, SimulatorSettings settings) {
        return new SpringApplicationBuilder(SimulatorApplication.class)
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("simulatorSettings", settings);
                    ctx.getBeanFactory().registerSingleton("simulatorPort", port);
                })
                .run();
    }

    static SimulatorSettings settings(Map<String, String> opts) {
        SimulatorSettings s = SimulatorSettings.defaults();
        if (opts.containsKey("seed")) {
            s = s.withSeed(Long.parseLong(opts.get("seed")));
        }
        if (opts.containsKey("scale")) {
            s = s.withScale(Scale.parse(opts.get("scale")));
        }
        if (opts.containsKey("now")) {
            s = s.withNow(Instant.parse(opts.get("now")));
        }
        if (opts.containsKey("apps")) {
            for (String app : opts.get("apps").split(";")) {
                s = s.withApp(app(app.trim()));
            }
        }
        return s;
    }

    /** "appId,secret,qps[,redirectUri...]": an app with exact redirect URIs (none = any localhost URI) and a QPS tier. */
    static SimApp app(String spec) {
        String[] parts = spec.split(",");
        if (parts.length < 3) {
            throw new IllegalArgumentException("--apps entries look like appId,secret,qps[,redirectUri...], got " + spec);
        }
        java.util.List<String> uris = java.util.Arrays.stream(parts).skip(3).map(String::trim).toList();
        return new SimApp(parts[0].trim(), parts[1].trim(), uris, Integer.parseInt(parts[2].trim()), SimApp.ALL_SCOPES);
    }

    /** Accepts "--name value" and "--name=value"; a flag without value maps to "true". */
    static Map<String, String> options(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                continue;
            }
            String name = a.substring(2);
            if (name.contains("=")) {
                out.put(name.substring(0, name.indexOf('=')), name.substring(name.indexOf('=') + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                out.put(name, args[++i]);
            } else {
                out.put(name, "true");
            }
        }
        return out;
    }

    @Bean
    TomcatServletWebServerFactory simulatorWebServerFactory(Integer simulatorPort) {
        return new TomcatServletWebServerFactory(simulatorPort);
    }

    @Bean
    ServletRegistrationBean<DispatcherServlet> simulatorServlet(SimulatorSettings simulatorSettings) {
        return EmbeddedSimulator.servletRegistration("", simulatorSettings);
    }
}
