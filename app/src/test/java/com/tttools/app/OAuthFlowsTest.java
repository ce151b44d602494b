package com.tttools.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.ClassUtils;

/**
 * Security check 31 (PKCE) does not apply to our design, and this proves the design: the one OAuth flow the app runs
 * is TikTok's advertiser authorization, whose authorization page takes {@code app_id}, {@code state} and
 * {@code redirect_uri} only (no {@code code_challenge}; docs/tiktok-api-facts.md) and whose code is exchanged server
 * to server with the app secret, so the flow is a confidential client's and its code is bound to the session by the
 * single-use {@code state} (check 30). No other flow exists: no OAuth/OIDC client or server library is on the class
 * path, nothing depends on one, and only the connect flow asks for an authorization URL. If a second flow is added
 * (a sign-in with a provider, a public client), this test fails and the new flow must send PKCE with S256.
 */
class OAuthFlowsTest {

    static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("com.tttools.app");

    @Test
    void noOAuthOrOpenIdLibraryIsOnTheClassPath() {
        List<String> libraries = List.of(
                "org.springframework.security.oauth2.client.registration.ClientRegistration",
                "org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest",
                "org.springframework.security.oauth2.server.authorization.OAuth2Authorization",
                "org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider",
                "org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistration",
                "com.nimbusds.oauth2.sdk.AuthorizationRequest",
                "com.github.scribejava.core.oauth.OAuth20Service",
                "com.google.api.client.auth.oauth2.AuthorizationCodeFlow");
        assertThat(libraries).filteredOn(name -> ClassUtils.isPresent(name, getClass().getClassLoader())).isEmpty();

        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework.security.oauth2..",
                        "org.springframework.security.saml2..", "com.nimbusds..", "com.github.scribejava..")
                .check(PRODUCTION);
    }

    @Test
    void theOnlyAuthorizationRequestIsTikToksAdvertiserFlowStartedByTheConnectFlow() {
        classes().that().implement("com.tttools.app.tiktok.client.TikTokOAuth")
                .should().haveFullyQualifiedName("com.tttools.app.tiktok.client.OAuthClient")
                .check(PRODUCTION);
        noClasses().that().doNotHaveFullyQualifiedName("com.tttools.app.tiktok.connection.ConnectFlow")
                .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasName.Predicates.name("authorizationUrl")))
                .check(PRODUCTION);
    }
}
