package org.randsum.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The local file {@code --timeline FILE} names: checked before the run starts (its directory exists
 * and is writable; it is not a directory), and written whole or not at all (a private temporary
 * file beside it, then renamed over it).
 */
public final class TimelineFile {
    private final Path file;

    private TimelineFile(Path file) {
        this.file = file;
    }

    public static TimelineFile check(String name) throws UsageException {
        Path file;
        try {
            file = Path.of(name).toAbsolutePath();
        } catch (InvalidPathException bad) {
            throw new UsageException("--timeline " + name + " is not a file name: " + bad.getReason());
        }
        if (Files.isDirectory(file)) {
            throw new UsageException("--timeline " + name + " is a directory; name a file, e.g. " + name + "/timeline.html");
        }
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            throw new UsageException("--timeline " + name + ": no directory " + dir);
        }
        if (!Files.isWritable(dir)) {
            throw new UsageException("--timeline " + name + ": the directory " + dir + " is not writable");
        }
        return new TimelineFile(file);
    }

    public Path path() {
        return file;
    }

    /** Replaces the file with {@code page}, readable by its owner only, as everything randsum writes. */
    public void write(String page) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temporary, page, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException failed) {
            Files.deleteIfExists(temporary);
            throw failed;
        }
    }
}
