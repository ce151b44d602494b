package com.tttools.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Security check 44 (docs/security-tests.md), run by its own failsafe execution after every other integration
 * test: the log of the whole integration suite ({@code target/suite-logs/log-*.log}, written by
 * {@code support.SuiteLog}) holds none of the secrets the tests sent or received (passwords, session and CSRF
 * cookies, CSRF, personal access, second-factor and one-time tokens) and no bearer credential at all.
 *
 * <p>Not named {@code *IT}/{@code *Test} on purpose: it must not run before the suite it checks.
 */
class SuiteLogHygieneCheck {

    private static final Path DIRECTORY = Path.of("target", "suite-logs");
    /** Word characters of tokens, cookies and base64url values: a secret is searched for as a whole word. */
    private static final Pattern SEPARATORS = Pattern.compile("[^A-Za-z0-9_\\-+/=]+");
    private static final Pattern CREDENTIAL_SHAPES = Pattern.compile(
            "ttt_pat_[A-Za-z0-9_-]{16,}|(?i)authorization:\\s*bearer\\s+\\S+|(?i)\"password\"\\s*:\\s*\"[^\"]+\"");

    @Test
    void theIntegrationSuitesLogHoldsNoSecretItHandled() throws IOException {
        List<Path> logs = files("log-");
        List<Path> secretFiles = files("secrets-");
        assertThat(logs).as("logs written by the integration suite in " + DIRECTORY.toAbsolutePath()).isNotEmpty();
        Set<String> secrets = new HashSet<>();
        for (Path file : secretFiles) {
            secrets.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        // passphrases with spaces and the like cannot be found word by word: those are searched for as text
        List<String> phrases = secrets.stream().filter(s -> SEPARATORS.matcher(s).find()).toList();
        // the suite signs up hundreds of users: a handful would mean the recording broke, and the check with it
        assertThat(secrets).as("secrets recorded by the suite").hasSizeGreaterThan(500);

        List<String> leaks = new ArrayList<>();
        long lines = 0;
        for (Path log : logs) {
            try (Stream<String> content = Files.lines(log, StandardCharsets.UTF_8)) {
                for (String line : (Iterable<String>) content::iterator) {
                    lines++;
                    if (CREDENTIAL_SHAPES.matcher(line).find()) {
                        leaks.add(log.getFileName() + ": credential-shaped text: " + line);
                        continue;
                    }
                    if (phrases.stream().anyMatch(line::contains)) {
                        leaks.add(log.getFileName() + ": " + line);
                        continue;
                    }
                    for (String word : SEPARATORS.split(line)) {
                        if (word.length() >= 8 && (secrets.contains(word) || containsSecret(word, secrets))) {
                            leaks.add(log.getFileName() + ": " + line);
                            break;
                        }
                    }
                }
            }
        }
        System.out.println("Log hygiene: " + lines + " log lines of the integration suite searched for "
                + secrets.size() + " secrets");
        assertThat(lines).as("log lines written by the suite").isGreaterThan(200);
        assertThat(leaks).as("log lines holding a secret the tests handled").isEmpty();
    }

    /** A word may carry a secret with a prefix or suffix glued to it (e.g. {@code SESSION=value}). */
    private static boolean containsSecret(String word, Set<String> secrets) {
        int equals = word.indexOf('=');
        return equals > 0 && secrets.contains(word.substring(equals + 1));
    }

    private static List<Path> files(String prefix) {
        if (!Files.isDirectory(DIRECTORY)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
