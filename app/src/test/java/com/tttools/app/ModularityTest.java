package com.tttools.app;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Module boundaries (see docs/architecture.md) are checked, not just written down. */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(TttoolsApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }
}
