package ca.gc.fsdh.bot.migration.bundle;

import ca.gc.fsdh.bot.migration.Json;
import ca.gc.fsdh.bot.migration.ResourceType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The append-only record of what an export has finished, one JSON line per item, kept in the
 * bundle. An item is written to the bundle first and journaled second, so after a crash the
 * journal never claims a file that is not there; a rerun skips every item with a final entry and
 * tries the others again (overwriting any half-written file of theirs).
 *
 * <p>A torn last line (the process died mid-write) is ignored when reading.
 */
public final class ExportJournal implements AutoCloseable {
  public static final String FILE = "journal.ndjson";

  private final Path file;
  private final Set<String> finished = ConcurrentHashMap.newKeySet();
  /** Items whose last outcome in an earlier run was a failure (few: kept to close them later). */
  private final Set<String> failedBefore = ConcurrentHashMap.newKeySet();
  private final Writer out;
  private int resumed;

  private ExportJournal(Path file) throws IOException {
    this.file = file;
    if (Files.exists(file)) {
      forEach(file, e -> {
        if (e.status().isFinal()) {
          finished.add(e.key());
          failedBefore.remove(e.key());
        } else if (!finished.contains(e.key())) {
          failedBefore.add(e.key());
        }
      });
      resumed = finished.size();
      ensureEndsWithNewline(file);
    }
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  public static ExportJournal open(Path bundleDir) throws IOException {
    Files.createDirectories(bundleDir);
    return new ExportJournal(bundleDir.resolve(FILE));
  }

  /** True when an earlier run, or this one, already finished the item. */
  public boolean isFinished(ResourceType type, String id) {
    return finished.contains(JournalEntry.key(type, id));
  }

  /** True when an earlier run recorded a failure of the item and no final outcome after it. */
  public boolean failedBefore(ResourceType type, String id) {
    return failedBefore.contains(JournalEntry.key(type, id));
  }

  /** Items finished by earlier runs, when this journal was opened. */
  public int resumedCount() {
    return resumed;
  }

  /** Appends and flushes one entry; a second final entry for the same item is refused. */
  public void record(JournalEntry entry) {
    if (entry.status().isFinal() && !finished.add(entry.key())) {
      throw new IllegalStateException("item " + entry.key() + " is already in the journal");
    }
    String line;
    try {
      line = Json.MAPPER.writeValueAsString(entry);
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

  public Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    synchronized (out) {
      out.close();
    }
  }

  /** Streams the entries of a journal file in order, without holding them in memory. */
  public static void forEach(Path journal, Consumer<JournalEntry> action) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) continue;
        JournalEntry entry;
        try {
          entry = Json.MAPPER.readValue(line, JournalEntry.class);
        } catch (IOException torn) {
          continue; // the last line of a killed run may be incomplete
        }
        action.accept(entry);
      }
    }
  }

  private static void ensureEndsWithNewline(Path file) throws IOException {
    long size = Files.size(file);
    if (size == 0) return;
    try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      var last = java.nio.ByteBuffer.allocate(1);
      ch.read(last, size - 1);
      if (last.get(0) != '\n') {
        ch.write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}), size);
      }
    }
  }
}
