package ca.gc.fsdh.bot.migration.bundle;

import ca.gc.fsdh.bot.migration.item.ItemStatus;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Turns a journal into the bundle's index files, its per-item report and its manifest. Runs at the
 * end of every export run, so a resumed export ends with the same files as an uninterrupted one.
 *
 * <p>Streams the journal twice instead of loading it: the first pass only keeps the keys of
 * finished items (and the last failure of the others), the second writes the lines out.
 */
public final class BundleFinisher {
  public static final String REPORT = "report.jsonl";
  public static final String INDEX = "index.jsonl";

  /** Facts about the run that the journal does not hold. */
  public record RunInfo(
      String tool,
      String sourceHost,
      String notebookFormat,
      Set<ResourceType> types,
      String secretValues) {}

  public BundleManifest finish(Path root, RunInfo run) throws IOException {
    Path journal = root.resolve(ExportJournal.FILE);
    Set<String> finished = new HashSet<>();
    Map<String, JournalEntry> lastFailure = new LinkedHashMap<>();
    Instant[] started = {null};
    if (Files.exists(journal)) {
      ExportJournal.forEach(
          journal,
          e -> {
            if (started[0] == null || e.at().isBefore(started[0])) started[0] = e.at();
            if (e.status().isFinal()) {
              finished.add(e.key());
              lastFailure.remove(e.key());
            } else if (!finished.contains(e.key())) {
              lastFailure.put(e.key(), e);
            }
          });
    }

    var counts = new EnumMap<ResourceType, BundleManifest.Counts>(ResourceType.class);
    run.types().forEach(t -> counts.put(t, new BundleManifest.Counts(0, 0, 0)));
    List<BundleManifest.Item> skipped = new ArrayList<>();
    List<BundleManifest.Item> failed = new ArrayList<>();
    var indexes = new EnumMap<ResourceType, BufferedWriter>(ResourceType.class);
    try (BufferedWriter report = OwnerOnlyFiles.newBufferedWriter(root.resolve(REPORT))) {
      for (var t : run.types()) {
        OwnerOnlyFiles.createDirectories(root.resolve(t.folder()));
        indexes.put(t, OwnerOnlyFiles.newBufferedWriter(root.resolve(t.folder()).resolve(INDEX)));
      }
      if (Files.exists(journal)) {
        ExportJournal.forEach(
            journal,
            e -> {
              if (!e.status().isFinal()) return;
              counts.merge(
                  e.type(),
                  new BundleManifest.Counts(0, 0, 0).plus(e.status()),
                  (a, b) -> a.plus(e.status()));
              if (e.status() == ItemStatus.SKIPPED) {
                skipped.add(new BundleManifest.Item(e.type().folder(), e.id(), e.reason()));
              }
              writeLine(report, reportLine(e));
              var index = indexes.get(e.type());
              if (index != null && e.status() == ItemStatus.EXPORTED) writeLine(index, e);
            });
      }
      for (JournalEntry e : lastFailure.values()) {
        counts.merge(
            e.type(), new BundleManifest.Counts(0, 0, 1), (a, b) -> a.plus(ItemStatus.FAILED));
        failed.add(new BundleManifest.Item(e.type().folder(), e.id(), e.reason()));
        writeLine(report, reportLine(e));
      }
    } finally {
      for (var w : indexes.values()) w.close();
    }

    var countsByName = new LinkedHashMap<String, BundleManifest.Counts>();
    counts.forEach((t, c) -> countsByName.put(t.folder(), c));
    var sizes = new TreeMap<String, Long>();
    var checksums = checksums(root, sizes);
    var manifest =
        new BundleManifest(
            BundleManifest.FORMAT_VERSION,
            run.tool(),
            run.sourceHost(),
            started[0] == null ? Instant.now() : started[0],
            Instant.now(),
            run.notebookFormat(),
            run.types().stream().map(ResourceType::folder).toList(),
            countsByName,
            skipped,
            failed,
            run.secretValues(),
            checksums,
            sizes);
    manifest.writeTo(root);
    return manifest;
  }

  private static Map<String, Object> reportLine(JournalEntry e) {
    var line = new LinkedHashMap<String, Object>();
    line.put("type", e.type().folder());
    line.put("id", e.id());
    line.put("status", e.status());
    if (e.reason() != null) line.put("reason", e.reason());
    if (!e.files().isEmpty()) line.put("files", e.files().stream().map(FileRef::path).toList());
    return line;
  }

  private static void writeLine(BufferedWriter w, Object value) {
    try {
      w.write(BundleJson.MAPPER.writeValueAsString(value));
      w.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * SHA-256 of every file but the manifest itself, and its size into {@code sizes}; leftovers of
   * killed runs are removed first.
   */
  static Map<String, String> checksums(Path root, Map<String, Long> sizes) throws IOException {
    var sums = new TreeMap<String, String>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String rel = root.relativize(f).toString().replace('\\', '/');
        if (rel.equals(BundleManifest.FILE)) continue;
        if (rel.endsWith(".part")) {
          Files.deleteIfExists(f);
          continue;
        }
        sums.put(rel, sha256(f));
        sizes.put(rel, Files.size(f));
      }
    }
    return sums;
  }

  public static String sha256(Path file) throws IOException {
    var sha = BundleWriter.sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[64 * 1024];
      int n;
      while ((n = in.read(buf)) > 0) sha.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
