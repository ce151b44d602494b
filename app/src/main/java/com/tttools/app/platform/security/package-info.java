/** Part of the platform module's API used by feature modules. */
@org.springframework.modulith.NamedInterface("security")
package com.tttools.app.platform.security;
