/** Part of the platform module's API used by feature modules. */
@org.springframework.modulith.NamedInterface("web")
package com.tttools.app.platform.web;
