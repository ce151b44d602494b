/** Part of the platform module's API used by feature modules. */
@org.springframework.modulith.NamedInterface("ratelimit")
package com.tttools.app.platform.ratelimit;
