package ca.gc.fsdh.bot.migration.bundle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * An append-only file of JSON lines, the storage of the export and import journals. Each line is
 * flushed as it is written; a torn last line (the process died mid-write) is ignored when reading,
 * and ended with a newline before appending, so the next line starts clean.
 */
final class JsonLinesFile<T> implements AutoCloseable {
  private final Path file;
  private final Writer out;

  private JsonLinesFile(Path file) throws IOException {
    this.file = file;
    this.out =
        OwnerOnlyFiles.newBufferedWriter(
            file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /**
   * Replays the lines already in {@code file} (if any) into {@code replay}, then opens it for
   * appending.
   */
  static <T> JsonLinesFile<T> open(Path file, Class<T> type, Consumer<T> replay)
      throws IOException {
    if (Files.exists(file)) {
      forEach(file, type, replay);
      endWithNewline(file);
    }
    return new JsonLinesFile<>(file);
  }

  /** Appends and flushes one line; safe from several threads. */
  void append(T entry) {
    String line;
    try {
      line = BundleJson.MAPPER.writeValueAsString(entry);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    synchronized (out) {
      try {
        out.write(line);
        out.write('\n');
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot append to " + file, e);
      }
    }
  }

  Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    synchronized (out) {
      out.close();
    }
  }

  /** Streams the lines of a file in order, without holding them in memory. */
  static <T> void forEach(Path file, Class<T> type, Consumer<T> action) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) continue;
        T entry;
        try {
          entry = BundleJson.MAPPER.readValue(line, type);
        } catch (IOException torn) {
          continue; // the last line of a killed run may be incomplete
        }
        action.accept(entry);
      }
    }
  }

  private static void endWithNewline(Path file) throws IOException {
    long size = Files.size(file);
    if (size == 0) return;
    try (var ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      var last = ByteBuffer.allocate(1);
      ch.read(last, size - 1);
      if (last.get(0) != '\n') ch.write(ByteBuffer.wrap(new byte[] {'\n'}), size);
    }
  }
}
