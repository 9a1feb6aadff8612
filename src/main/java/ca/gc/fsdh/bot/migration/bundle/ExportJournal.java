package ca.gc.fsdh.bot.migration.bundle;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The append-only record of what an export has finished, one JSON line per item, kept in the
 * bundle. An item is written to the bundle first and journaled second, so after a crash the journal
 * never claims a file that is not there; a rerun skips every item with a final entry and tries the
 * others again (overwriting any half-written file of theirs).
 *
 * <p>A torn last line (the process died mid-write) is ignored when reading.
 */
public final class ExportJournal implements AutoCloseable {
  public static final String FILE = "journal.ndjson";

  private final Set<String> finished = ConcurrentHashMap.newKeySet();

  /** Items whose last outcome in an earlier run was a failure (few: kept to close them later). */
  private final Set<String> failedBefore = ConcurrentHashMap.newKeySet();

  private final JsonLinesFile<JournalEntry> lines;
  private final int resumed;

  private ExportJournal(Path file) throws IOException {
    lines =
        JsonLinesFile.open(
            file,
            JournalEntry.class,
            e -> {
              if (e.status().isFinal()) {
                finished.add(e.key());
                failedBefore.remove(e.key());
              } else if (!finished.contains(e.key())) {
                failedBefore.add(e.key());
              }
            });
    resumed = finished.size();
  }

  public static ExportJournal open(Path bundleDir) throws IOException {
    OwnerOnlyFiles.createDirectories(bundleDir);
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
    lines.append(entry);
  }

  public Path file() {
    return lines.file();
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }

  /** Streams the entries of a journal file in order, without holding them in memory. */
  public static void forEach(Path journal, Consumer<JournalEntry> action) throws IOException {
    JsonLinesFile.forEach(journal, JournalEntry.class, action);
  }
}
