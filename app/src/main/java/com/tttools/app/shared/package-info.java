/**
 * Types every module may use: typed ids, paging, base exceptions. Types only, no beans.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = {})
package com.tttools.app.shared;
