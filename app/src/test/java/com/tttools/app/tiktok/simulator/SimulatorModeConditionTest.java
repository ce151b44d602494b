package com.tttools.app.tiktok.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.mock.env.MockEnvironment;
import org.mockito.Mockito;

class SimulatorModeConditionTest {

    @Test
    void mountsOnlyWithoutCredentialsAndNeverInProd() {
        assertThat(matches(new MockEnvironment())).isTrue();
        assertThat(matches(new MockEnvironment().withProperty("tttools.tiktok.app-id", "123"))).isFalse();
        assertThat(matches(new MockEnvironment().withProperty("tttools.tiktok.app-secret", "s"))).isFalse();

        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        assertThat(matches(prod)).isFalse();
    }

    private static boolean matches(MockEnvironment environment) {
        ConditionContext context = Mockito.mock(ConditionContext.class);
        Mockito.when(context.getEnvironment()).thenReturn(environment);
        return new SimulatorModeCondition().matches(context, null);
    }
}
