package com.tttools.app.support;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What makes a log line a leak (security check 44, docs/security-tests.md): a secret the tests handled, as a whole
 * word, glued behind a name ({@code SESSION=value}) or, for passphrases, anywhere; a credential by its shape (a
 * personal access token, an {@code Authorization: Bearer} value, a JSON password); or an email address the tests
 * used, unmasked (the log may show {@code a***@example.com}, never the address).
 */
public final class LogLeaks {

    /** Word characters of tokens, cookies and base64url values: a secret is searched for as a whole word. */
    private static final Pattern SEPARATORS = Pattern.compile("[^A-Za-z0-9_\\-+/=]+");
    private static final Pattern CREDENTIAL_SHAPES = Pattern.compile(
            "ttt_pat_[A-Za-z0-9_-]{16,}|(?i)authorization:\\s*(?:bearer|basic)\\s+\\S+|(?i)\"password\"\\s*:\\s*\"[^\"]+\"");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    private final Set<String> words;
    private final Set<String> phrases;
    private final Set<String> emails;

    public LogLeaks(Set<String> secrets, Set<String> emails) {
        // passphrases with spaces and the like cannot be found word by word: those are searched for as text
        this.phrases = secrets.stream().filter(s -> SEPARATORS.matcher(s).find()).collect(Collectors.toSet());
        this.words = secrets.stream().filter(s -> !phrases.contains(s)).collect(Collectors.toSet());
        this.emails = emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** Why this line leaks, or empty. */
    public Optional<String> in(String line) {
        if (CREDENTIAL_SHAPES.matcher(line).find()) {
            return Optional.of("credential-shaped text");
        }
        for (String phrase : phrases) {
            if (line.contains(phrase)) {
                return Optional.of("a secret phrase");
            }
        }
        for (String word : SEPARATORS.split(line)) {
            if (word.length() >= 8 && (words.contains(word) || gluedSecret(word))) {
                return Optional.of("a secret");
            }
        }
        if (line.indexOf('@') >= 0) {
            Matcher email = EMAIL.matcher(line);
            while (email.find()) {
                if (emails.contains(email.group().toLowerCase(Locale.ROOT))) {
                    return Optional.of("an unmasked email address");
                }
            }
        }
        return Optional.empty();
    }

    /** A word may carry a secret with a prefix glued to it (e.g. {@code SESSION=value}). */
    private boolean gluedSecret(String word) {
        int equals = word.indexOf('=');
        return equals > 0 && words.contains(word.substring(equals + 1));
    }
}
