package com.tttools.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Decrypted TikTok tokens never leave the tiktok module: other modules call TikTok through a client bound to a
 * connection ({@code TikTokMarketingApi.forConnection}) and never see a token, the token store or the token-level
 * client; and the tiktok module's API package itself mentions none of them.
 */
class TikTokTokenConfinementTest {

    static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("com.tttools.app");

    static final DescribedPredicate<JavaClass> TOKEN_TYPES = new DescribedPredicate<>(
            "hold or hand out TikTok tokens (token records, the token store, the token-level client and OAuth)") {
        private static final Set<String> NAMES = Set.of("AccessToken", "RefreshToken", "TikTokTokenStore",
                "TokenKind", "MarketingApi", "TikTokOAuth", "AdvertiserGrant", "TtUserTokens");

        @Override
        public boolean test(JavaClass type) {
            return type.getPackageName().startsWith("com.tttools.app.tiktok") && NAMES.contains(type.getSimpleName());
        }
    };

    @Test
    void noClassOutsideTheTikTokModuleTouchesATokenOrTheTokenStore() {
        noClasses().that().resideOutsideOfPackage("com.tttools.app.tiktok..")
                .should().dependOnClassesThat(TOKEN_TYPES)
                .because("other modules use TikTokMarketingApi.forConnection, which adds the token inside tiktok")
                .check(PRODUCTION);
    }

    @Test
    void theTikTokApiPackageExposesNoToken() {
        noClasses().that().resideInAPackage("com.tttools.app.tiktok")
                .should().dependOnClassesThat(TOKEN_TYPES)
                .because("the module's API (its base package) is what other modules may see")
                .check(PRODUCTION);
    }
}
