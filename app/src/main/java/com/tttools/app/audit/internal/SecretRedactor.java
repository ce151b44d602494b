package com.tttools.app.audit.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Masks details values that may be secrets before they are stored: by key (any word of the key such as
 * {@code token}, {@code password}, {@code code}, {@code session}, ...) and by value (our token prefix,
 * {@code Bearer}/{@code Basic} credentials, JWTs, PEM keys). Nested maps and lists are walked. Keys are kept
 * so the log still shows that, say, a password was changed.
 */
final class SecretRedactor {

    static final String MASK = "[REDACTED]";
    private static final int MAX_STRING = 2000;

    /** Words that make a key secret wherever they appear in it ({@code userPassword}, {@code x_api_token}). */
    private static final List<String> SECRET_FRAGMENTS = List.of("password", "passwd", "passphrase", "secret",
            "token", "authorization", "cookie", "credential", "apikey", "privatekey");
    /** Whole words that make a key secret ({@code key}, {@code sessionId}, {@code authCode}, {@code otp}). */
    private static final Set<String> SECRET_WORDS = Set.of("pwd", "key", "keys", "code", "codes", "session", "auth",
            "otp", "totp", "pat", "signature", "bearer", "salt", "pin", "cvv");
    /** Words before "code" that make it an ordinary value ({@code currencyCode}, {@code errorCode}). */
    private static final Set<String> HARMLESS_CODE_PREFIXES = Set.of("country", "currency", "language", "locale",
            "error", "status", "http", "region", "postal", "zip", "reason", "response", "timezone", "exit");
    private static final Pattern WORD_BOUNDARY = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|[^A-Za-z0-9]+");
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "(?s)^\\s*(ttt_pat_.*|(?i:bearer|basic)\\s+\\S.*|eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\..*|-----BEGIN .*)$");

    private SecretRedactor() {
    }

    static Map<String, Object> redact(Map<String, ?> details) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (details != null) {
            details.forEach((key, value) -> out.put(key, isSecretKey(key) ? MASK : redactValue(value)));
        }
        return out;
    }

    static boolean isSecretKey(String key) {
        if (key == null) {
            return false;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        if (SECRET_FRAGMENTS.stream().anyMatch(lower::contains)) {
            return true;
        }
        String[] words = WORD_BOUNDARY.split(key);
        for (int i = 0; i < words.length; i++) {
            String word = words[i].toLowerCase(Locale.ROOT);
            boolean harmlessCode = (word.equals("code") || word.equals("codes")) && i > 0
                    && HARMLESS_CODE_PREFIXES.contains(words[i - 1].toLowerCase(Locale.ROOT));
            if (!harmlessCode && SECRET_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    static boolean looksLikeSecretValue(String value) {
        return SECRET_VALUE.matcher(value).matches();
    }

    private static Object redactValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> nested = new LinkedHashMap<>();
            map.forEach((key, inner) -> nested.put(String.valueOf(key),
                    isSecretKey(String.valueOf(key)) ? MASK : redactValue(inner)));
            return nested;
        }
        if (value instanceof Collection<?> items) {
            List<Object> list = new ArrayList<>(items.size());
            items.forEach(item -> list.add(redactValue(item)));
            return list;
        }
        if (value instanceof CharSequence text) {
            String string = text.toString();
            if (looksLikeSecretValue(string)) {
                return MASK;
            }
            return string.length() > MAX_STRING ? string.substring(0, MAX_STRING) + "…" : string;
        }
        return value;
    }
}
