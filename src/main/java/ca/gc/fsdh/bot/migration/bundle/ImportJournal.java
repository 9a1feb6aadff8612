package ca.gc.fsdh.bot.migration.bundle;

import ca.gc.fsdh.bot.migration.ImportOutcome;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The append-only record of what an import has finished in one target, one JSON line per item.
 * An item is journaled only after the target holds it, so a killed import rerun skips finished
 * items and converges the others (each importer first looks the item up in the target, so an item
 * created just before the kill is found, not created twice). A torn last line is ignored.
 */
public final class ImportJournal implements AutoCloseable {
  public static final String FILE = "import-journal.ndjson";

  /** One line: the outcome of one item, the id it has in the target, and notes for the report. */
  public record Entry(ResourceType type, String id, ImportOutcome outcome, String targetId, String reason,
      List<String> notes, Instant at) {
    public Entry {
      notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public String key() {
      return type.folder() + ":" + id;
    }
  }

  private final Path file;
  private final Map<String, Entry> finished = new ConcurrentHashMap<>();
  private final java.util.Set<String> touched = ConcurrentHashMap.newKeySet();
  private final Writer out;

  private ImportJournal(Path file) throws IOException {
    this.file = file;
    if (Files.exists(file)) {
      forEach(file, e -> {
        touched.add(e.key());
        if (e.outcome().isFinal()) finished.putIfAbsent(e.key(), e);
      });
      ensureEndsWithNewline(file);
    }
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  public static ImportJournal open(Path stateDir) throws IOException {
    Files.createDirectories(stateDir);
    return new ImportJournal(stateDir.resolve(FILE));
  }

  /** The final entry of an item finished by an earlier run (or this one), if any. */
  public Entry finished(ResourceType type, String id) {
    return finished.get(type.folder() + ":" + id);
  }

  /** True when an earlier run started this item: what is in the target is this import's own work. */
  public boolean touchedBefore(ResourceType type, String id) {
    return touched.contains(type.folder() + ":" + id);
  }

  public int finishedCount() {
    return finished.size();
  }

  public void record(Entry e) {
    if (e.outcome().isFinal() && finished.putIfAbsent(e.key(), e) != null) {
      throw new IllegalStateException("item " + e.key() + " is already in the import journal");
    }
    String line;
    try {
      line = Json.MAPPER.writeValueAsString(e);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    synchronized (out) {
      try {
        out.write(line);
        out.write('\n');
        out.flush();
      } catch (IOException ex) {
        throw new UncheckedIOException("cannot append to " + file, ex);
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

  public static void forEach(Path journal, Consumer<Entry> action) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) continue;
        Entry e;
        try {
          e = Json.MAPPER.readValue(line, Entry.class);
        } catch (IOException torn) {
          continue;
        }
        action.accept(e);
      }
    }
  }

  private static void ensureEndsWithNewline(Path file) throws IOException {
    long size = Files.size(file);
    if (size == 0) return;
    try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      var last = java.nio.ByteBuffer.allocate(1);
      ch.read(last, size - 1);
      if (last.get(0) != '\n') ch.write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}), size);
    }
  }
}
