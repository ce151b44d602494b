package com.tttools.simulator;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

import com.tttools.simulator.api.Sim;

/**
 * Mounts the simulator inside another Spring Boot application: its own DispatcherServlet at
 * {@code prefix + "/*"}, backed by a child context whose parent is an empty context, so none of the
 * host's beans (ObjectMapper, WebMvcConfigurers, controllers) reach the simulator and none of the
 * simulator's beans reach the host.
 *
 * <pre>{@code
 * @Bean
 * ServletRegistrationBean<DispatcherServlet> tiktokSimulator() {
 *     return EmbeddedSimulator.servletRegistration("/tiktok-sim", SimulatorSettings.defaults());
 * }
 * }</pre>
 */
public final class EmbeddedSimulator {

    private final String prefix;
    private final AnnotationConfigWebApplicationContext context;
    private final SimulatorControl control;
    private final ServletRegistrationBean<DispatcherServlet> registration;

    private EmbeddedSimulator(String prefix, SimulatorSettings settings) {
        this.prefix = normalize(prefix);
        this.control = new SimulatorControl(new Sim(settings));
        GenericApplicationContext isolation = new GenericApplicationContext();
        isolation.setId("tiktok-simulator-isolation");
        isolation.refresh();
        context = new AnnotationConfigWebApplicationContext();
        context.setId("tiktok-simulator");
        context.setParent(isolation);
        context.register(SimulatorConfig.class);
        context.addBeanFactoryPostProcessor(bf -> bf.registerSingleton("simulatorControl", control));
        context.refresh();
        DispatcherServlet servlet = new DispatcherServlet(context);
        servlet.setDetectAllHandlerExceptionResolvers(false);
        registration = new ServletRegistrationBean<>(servlet, this.prefix + "/*");
        registration.setName("tiktokSimulator");
        registration.setLoadOnStartup(1);
    }

    /** Builds a simulator and its servlet registration; the control object is reachable via {@link #control(ServletRegistrationBean)}. */
    public static ServletRegistrationBean<DispatcherServlet> servletRegistration(String prefix, SimulatorSettings settings) {
        return create(prefix, settings).registration();
    }

    public static EmbeddedSimulator create(String prefix, SimulatorSettings settings) {
        return new EmbeddedSimulator(prefix, settings);
    }

    /** The control object behind a registration made by {@link #servletRegistration}. */
    public static SimulatorControl control(ServletRegistrationBean<DispatcherServlet> registration) {
        DispatcherServlet servlet = registration.getServlet();
        return servlet.getWebApplicationContext().getBean(SimulatorControl.class);
    }

    public ServletRegistrationBean<DispatcherServlet> registration() {
        return registration;
    }

    public SimulatorControl control() {
        return control;
    }

    /** "" for the root, else "/name" without a trailing slash. */
    public String prefix() {
        return prefix;
    }

    public void close() {
        context.close();
    }

    static String normalize(String prefix) {
        if (prefix == null || prefix.isBlank() || prefix.equals("/")) {
            return "";
        }
        String p = prefix.startsWith("/") ? prefix : "/" + prefix;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
