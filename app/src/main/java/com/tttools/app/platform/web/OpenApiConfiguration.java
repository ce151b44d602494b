package com.tttools.app.platform.web;

import com.tttools.app.shared.audit.RequestMetadata;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.Components;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The published description of the REST API at /v3/api-docs (Swagger UI at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // handlers take the request's metadata as an argument (RequestMetadataArguments): not an API parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(RequestMetadata.class);
    }

    @Bean
    OpenAPI tttoolsOpenApi() {
        return new OpenAPI()
                .info(new Info().title("TTtools API").version("v1")
                        .description("REST API of TTtools. Authenticate with a session cookie plus the X-XSRF-TOKEN "
                                + "header, or with Authorization: Bearer ttt_pat_... . Errors are RFC 9457 problem details.")
                        .license(new License().name("Proprietary")))
                .components(new Components()
                        .addSecuritySchemes("personalAccessToken", new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("ttt_pat_..."))
                        .addSecuritySchemes("session", new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE).name("SESSION")));
    }
}
