package com.tttools.app.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Web limits.
 *
 * @param maxApiBody the largest request body {@code /api/**} accepts (1 KB to 64 MB); larger ones are refused with
 *                   413 before anything reads them
 */
@ConfigurationProperties("tttools.web")
public record WebProperties(@DefaultValue("1MB") DataSize maxApiBody) {

    public WebProperties {
        if (maxApiBody.toBytes() < 1024 || maxApiBody.toBytes() > 64L * 1024 * 1024) {
            throw new IllegalArgumentException("tttools.web.max-api-body must be between 1KB and 64MB");
        }
    }
}
