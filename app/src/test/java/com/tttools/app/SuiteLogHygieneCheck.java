package com.tttools.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.support.LogLeaks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Security check 44 (docs/security-tests.md), run by its own failsafe execution after every other integration
 * test: the log of the whole integration suite ({@code target/suite-logs/log-*.log}, written by
 * {@code support.SuiteLog}: DEBUG of our code, Spring MVC, Security and Session, the configured levels of the rest)
 * holds none of the secrets the tests sent or received (passwords, session and CSRF cookies, CSRF, personal access,
 * second-factor, one-time and OAuth tokens), no bearer credential at all, and none of the email addresses the tests
 * used unless masked ({@link LogLeaks}).
 *
 * <p>Not named {@code *IT}/{@code *Test} on purpose: it must not run before the suite it checks.
 */
class SuiteLogHygieneCheck {

    private static final Path DIRECTORY = Path.of("target", "suite-logs");
    private static final Path TEST_PROFILE = Path.of("src", "test", "resources", "application-test.yml");
    private static final Pattern SECRET_SETTING = Pattern.compile(
            "^\\s*[\\w-]*(?:secret|password|token|keys):\\s*([^\\s#]+)");

    @Test
    void theIntegrationSuitesLogHoldsNoSecretItHandled() throws IOException {
        List<Path> logs = files("log-");
        assertThat(logs).as("logs written by the integration suite in " + DIRECTORY.toAbsolutePath()).isNotEmpty();
        Set<String> secrets = lines(files("secrets-"));
        secrets.addAll(configuredSecrets());
        Set<String> emails = lines(files("emails-"));
        LogLeaks leaksIn = new LogLeaks(secrets, emails);

        List<String> leaks = new ArrayList<>();
        long leakCount = 0;
        long lines = 0;
        long debugLines = 0;
        long bytes = 0;
        for (Path log : logs) {
            bytes += Files.size(log);
            try (Stream<String> content = Files.lines(log, StandardCharsets.UTF_8)) {
                for (String line : (Iterable<String>) content::iterator) {
                    lines++;
                    if (line.startsWith("DEBUG", 13)) {
                        debugLines++;
                    }
                    Optional<String> leak = leaksIn.in(line);
                    if (leak.isPresent() && leakCount++ < 200) {
                        leaks.add(log.getFileName() + ": " + leak.get() + ": " + line);
                    }
                }
            }
        }
        System.out.println("Log hygiene: " + lines + " log lines (" + debugLines + " DEBUG, " + bytes / 1024
                + " KiB) of the integration suite searched for " + secrets.size() + " secrets and " + emails.size()
                + " email addresses");
        assertThat(leaks).as(leakCount + " log lines holding a secret the tests handled (the first 200)").isEmpty();
        // the suite signs up hundreds of users and makes thousands of requests: a handful would mean the recording
        // or the capture broke, and the check with it
        assertThat(secrets).as("secrets recorded by the suite").hasSizeGreaterThan(500);
        assertThat(emails).as("email addresses recorded by the suite").hasSizeGreaterThan(100);
        assertThat(lines).as("log lines written by the suite").isGreaterThan(200);
        assertThat(debugLines).as("DEBUG lines written by the suite").isGreaterThan(200);
    }

    /**
     * The keys, secrets, passwords and tokens the test profile configures (webhook secrets, the metrics token, the
     * token-vault keys): {@code name: value} lines of {@code application-test.yml} whose name says so.
     */
    static Set<String> configuredSecrets() throws IOException {
        Set<String> values = new HashSet<>();
        for (String line : Files.readAllLines(TEST_PROFILE, StandardCharsets.UTF_8)) {
            Matcher setting = SECRET_SETTING.matcher(line);
            if (setting.find()) {
                for (String value : setting.group(1).split("[,:]")) {
                    if (value.length() >= 8) {
                        values.add(value);
                    }
                }
            }
        }
        return values;
    }

    private static Set<String> lines(List<Path> files) throws IOException {
        Set<String> values = new HashSet<>();
        for (Path file : files) {
            values.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        return values;
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
