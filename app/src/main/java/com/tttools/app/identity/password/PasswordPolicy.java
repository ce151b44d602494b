package com.tttools.app.identity.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * ASVS-style password rules: 12 to 128 characters (counted as Unicode code points, no composition rules),
 * not one of the 10,000 most common passwords (an offline list, so the check never fails open), and not
 * containing the local part of the account's email.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private final Set<String> common;

    public PasswordPolicy() {
        this.common = load();
    }

    /** Empty when acceptable, otherwise the reason to show the user. */
    public Optional<String> check(String password, String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of("must not be empty");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters long");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of("is one of the most commonly used passwords; choose another");
        }
        String localPart = email == null ? "" : email.strip().toLowerCase(Locale.ROOT).replaceFirst("@.*$", "");
        if (localPart.length() >= 3 && lower.contains(localPart)) {
            return Optional.of("must not contain your email address");
        }
        return Optional.empty();
    }

    public int commonPasswordCount() {
        return common.size();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(16_384);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("identity/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The common-password list is missing from the build", e);
        }
        return Set.copyOf(words);
    }
}
