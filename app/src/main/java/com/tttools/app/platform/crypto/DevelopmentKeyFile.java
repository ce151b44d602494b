package com.tttools.app.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key used when no key is configured outside production: generated once into the data folder (owner-only
 * file) so tokens stored by one run still open in the next.
 */
final class DevelopmentKeyFile {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentKeyFile.class);

    private DevelopmentKeyFile() {
    }

    static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the development encryption key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] material = new byte[EncryptionKey.LENGTH_BYTES];
        new SecureRandom().nextBytes(material);
        String spec = "dev-" + LocalDate.now(ZoneOffset.UTC) + ":" + Base64.getEncoder().encodeToString(material);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try {
            if (parent.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            return; // another process created it first; use theirs
        }
        Files.writeString(file, spec + "\n", StandardCharsets.US_ASCII);
        log.warn("TTTOOLS_ENCRYPTION_KEYS is not set: generated a development encryption key in {}. "
                + "Set TTTOOLS_ENCRYPTION_KEYS in any shared or production environment.", file);
    }
}
