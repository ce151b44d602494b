package com.tttools.app.tiktok.simulator;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True without TikTok credentials outside {@code prod}: development and tests talk to the embedded simulator. */
final class SimulatorModeCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment environment = context.getEnvironment();
        return isBlank(environment.getProperty("tttools.tiktok.app-id"))
                && isBlank(environment.getProperty("tttools.tiktok.app-secret"))
                && !environment.acceptsProfiles(Profiles.of("prod"));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
