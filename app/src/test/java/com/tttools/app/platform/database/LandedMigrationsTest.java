package com.tttools.app.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A landed migration is never edited: Flyway refuses to start on a database that ran the old text (checksum
 * mismatch), which would break every instance that kept its data. {@code landed-migrations.txt} lists each
 * migration with the SHA-256 of its text; a new migration is appended to it in the commit that adds it.
 */
class LandedMigrationsTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path LANDED = Path.of("src/test/resources/landed-migrations.txt");

    @Test
    void noLandedMigrationWasEditedAndEveryMigrationIsListed() throws IOException {
        Map<String, String> current = checksums();
        Map<String, String> landed = landed();

        List<String> problems = new ArrayList<>();
        landed.forEach((name, sum) -> {
            if (!current.containsKey(name)) {
                problems.add(name + " landed but is gone (a landed migration is never removed)");
            } else if (!current.get(name).equals(sum)) {
                problems.add(name + " was edited after it landed: add a new migration instead");
            }
        });
        current.forEach((name, sum) -> {
            if (!landed.containsKey(name)) {
                problems.add(name + " is not listed: append \"" + name + " " + sum + "\" to " + LANDED);
            }
        });
        assertThat(problems).as("migrations against %s", LANDED).isEmpty();
    }

    static Map<String, String> checksums() throws IOException {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                sums.put(MIGRATIONS.relativize(file).toString().replace('\\', '/'), sha256(Files.readAllBytes(file)));
            }
        }
        return sums;
    }

    private static Map<String, String> landed() throws IOException {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String line : Files.readAllLines(LANDED, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            sums.put(parts[0], parts[1]);
        }
        return sums;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
