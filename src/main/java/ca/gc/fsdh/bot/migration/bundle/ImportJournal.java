package ca.gc.fsdh.bot.migration.bundle;

import ca.gc.fsdh.bot.migration.item.ImportOutcome;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The append-only record of what an import has finished in one target, one JSON line per item. An
 * item is journaled only after the target holds it, so a killed import rerun skips finished items
 * and converges the others (each importer first looks the item up in the target, so an item created
 * just before the kill is found, not created twice). A torn last line is ignored.
 */
public final class ImportJournal implements AutoCloseable {
  public static final String FILE = "import-journal.ndjson";

  /** One line: the outcome of one item, the id it has in the target, and notes for the report. */
  public record Entry(
      ResourceType type,
      String id,
      ImportOutcome outcome,
      String targetId,
      String reason,
      List<String> notes,
      Instant at) {
    public Entry {
      notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public String key() {
      return type.folder() + ":" + id;
    }
  }

  private final Map<String, Entry> finished = new ConcurrentHashMap<>();
  private final Set<String> touched = ConcurrentHashMap.newKeySet();
  private final JsonLinesFile<Entry> lines;

  private ImportJournal(Path file) throws IOException {
    lines =
        JsonLinesFile.open(
            file,
            Entry.class,
            e -> {
              touched.add(e.key());
              if (e.outcome().isFinal()) finished.putIfAbsent(e.key(), e);
            });
  }

  public static ImportJournal open(Path stateDir) throws IOException {
    OwnerOnlyFiles.createDirectories(stateDir);
    return new ImportJournal(stateDir.resolve(FILE));
  }

  /** The final entry of an item finished by an earlier run (or this one), if any. */
  public Entry finished(ResourceType type, String id) {
    return finished.get(type.folder() + ":" + id);
  }

  /**
   * True when an earlier run started this item: what is in the target is this import's own work.
   */
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
    lines.append(e);
  }

  public Path file() {
    return lines.file();
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }

  public static void forEach(Path journal, Consumer<Entry> action) throws IOException {
    JsonLinesFile.forEach(journal, Entry.class, action);
  }
}
