package com.tttools.app;

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
        SpringApplication.run(TttoolsApplication.class, args);
    }
}
