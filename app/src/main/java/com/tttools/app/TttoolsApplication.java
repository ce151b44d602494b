package com.tttools.app;

import com.tttools.app.platform.database.EarlyDatabaseStart;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the TTtools web application. Each direct sub-package is a Spring Modulith module. */
// No in-memory user with a generated password: accounts live in PostgreSQL (identity module).
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class TttoolsApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(TttoolsApplication.class);
        // the embedded PostgreSQL starts while the context is prepared, not after (docs/benchmarks.md, "Start-up")
        application.addListeners(new EarlyDatabaseStart());
        application.run(args);
    }
}
