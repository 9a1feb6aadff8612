package ca.gc.fsdh.bot.migration.bundle;

import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Creates the folders and files of bundles, journals and reports readable by their owner only (700
 * and 600) from the moment they exist, not when a run ends: a run that is killed, or still going,
 * never leaves workspace content readable by other users of the machine.
 *
 * <p>Existing files and folders keep their modes. On a file system without POSIX permissions the
 * platform's defaults apply.
 */
public final class OwnerOnlyFiles {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnlyFiles() {}

  /** Like {@link Files#createDirectories}, each folder it creates being 700. */
  public static Path createDirectories(Path dir) throws IOException {
    return POSIX
        ? Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY))
        : Files.createDirectories(dir);
  }

  /** A temporary folder, 700. */
  public static Path createTempDirectory(String prefix) throws IOException {
    return POSIX
        ? Files.createTempDirectory(prefix, PosixFilePermissions.asFileAttribute(DIRECTORY))
        : Files.createTempDirectory(prefix);
  }

  /**
   * Like {@link Files#newOutputStream} (default: create or truncate), a file it creates being 600.
   */
  public static OutputStream newOutputStream(Path file, OpenOption... options) throws IOException {
    Set<OpenOption> opts =
        new HashSet<>(
            options.length == 0
                ? List.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)
                : List.of(options));
    opts.add(StandardOpenOption.WRITE);
    FileAttribute<?>[] attrs =
        POSIX
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
            : new FileAttribute<?>[0];
    return Channels.newOutputStream(Files.newByteChannel(file, opts, attrs));
  }

  /** A UTF-8 writer on {@link #newOutputStream}. */
  public static BufferedWriter newBufferedWriter(Path file, OpenOption... options)
      throws IOException {
    return new BufferedWriter(
        new OutputStreamWriter(newOutputStream(file, options), StandardCharsets.UTF_8));
  }

  public static void writeString(Path file, String text) throws IOException {
    try (var out = newBufferedWriter(file)) {
      out.write(text);
    }
  }

  /** Writes a value as JSON with the given Jackson writer. */
  public static void writeJson(Path file, ObjectWriter writer, Object value) throws IOException {
    try (OutputStream out = new BufferedOutputStream(newOutputStream(file))) {
      writer.writeValue(out, value);
    }
  }
}
