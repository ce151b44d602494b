package com.tttools.app;

import static com.tngtech.archunit.lang.conditions.ArchConditions.callMethod;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import com.tngtech.archunit.core.domain.JavaClass;
import java.net.HttpURLConnection;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Every outbound HTTP client is built by {@code platform.outbound.OutboundHttp} (allowlist, no redirects, timeouts):
 * no other production class creates an HTTP client of its own. {@code HealthProbe} is the one exception: the
 * container's health command, a separate {@code main} that only calls 127.0.0.1 of its own container.
 */
class OutboundClientsArchitectureTest {

    static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("com.tttools.app");

    @Test
    void onlyTheOutboundFactoryBuildsHttpClients() {
        ArchCondition<JavaClass> buildsAClient = callMethod(RestClient.class, "builder")
                .or(callMethod(RestClient.class, "create"))
                .or(callMethod(RestClient.class, "create", String.class))
                .or(callMethod(URL.class, "openConnection"))
                .or(callMethod(URL.class, "openStream"))
                .or(ArchConditions.dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("java.net.http..",
                        "org.springframework.http.client..", "org.springframework.web.reactive.function.client..",
                        "org.apache.hc..", "okhttp3..")))
                .or(ArchConditions.dependOnClassesThat(JavaClass.Predicates.belongToAnyOf(RestTemplate.class,
                        HttpURLConnection.class)));

        noClasses().that().resideOutsideOfPackage("com.tttools.app.platform.outbound..")
                .and().doNotHaveFullyQualifiedName("com.tttools.app.platform.HealthProbe")
                .should(buildsAClient)
                .because("OutboundHttp.restClient applies the outbound allowlist and refuses redirects for every client")
                .check(PRODUCTION);
    }
}
