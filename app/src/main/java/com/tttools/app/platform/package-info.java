/**
 * Cross-cutting web platform: database wiring, security filter chains, request ids, error handling,
 * layout. Other modules depend on it; it depends on no feature module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform",
        allowedDependencies = "shared")
package com.tttools.app.platform;
