package com.tttools.simulator.core;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** request_id as TikTok shapes it: UTC yyyyMMddHHmmss followed by 20 upper-case hex characters. */
public final class RequestIds {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RequestIds() {
    }

    public static String next(Instant now) {
        StringBuilder sb = new StringBuilder(34).append(STAMP.format(now));
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 20; i++) {
            sb.append(HEX[random.nextInt(16)]);
        }
        return sb.toString();
    }
}
