/** Part of the platform module's API used by feature modules. */
@org.springframework.modulith.NamedInterface("database")
package com.tttools.app.platform.database;
