package com.tttools.app.platform.config;

import java.util.List;
import org.springframework.core.env.Environment;

/** Test access to the guard's package-private checks. */
public final class ProductionSettingsGuardAccess {

    private ProductionSettingsGuardAccess() {
    }

    public static List<String> unsafe(Environment environment) {
        return ProductionSettingsGuard.unsafe(environment);
    }
}
