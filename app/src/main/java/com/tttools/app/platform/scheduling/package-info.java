/** Part of the platform module's API used by feature modules. */
@org.springframework.modulith.NamedInterface("scheduling")
package com.tttools.app.platform.scheduling;
