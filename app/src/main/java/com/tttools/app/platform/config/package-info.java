/** Part of the platform module's API used by feature modules. */
@org.springframework.modulith.NamedInterface("config")
package com.tttools.app.platform.config;
