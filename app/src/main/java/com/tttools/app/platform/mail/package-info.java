/** Part of the platform module's API used by feature modules. */
@org.springframework.modulith.NamedInterface("mail")
package com.tttools.app.platform.mail;
