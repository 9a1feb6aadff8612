package ca.gc.fsdh.bot.migration.bundle;

import ca.gc.fsdh.bot.migration.item.ItemStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}: what a bundle holds, where it came from, and how to check it.
 *
 * @param formatVersion bumped on any change an older importer could misread
 * @param tool the tool and version that wrote the bundle
 * @param sourceHost the workspace the items came from
 * @param startedAt when the first run of this export started
 * @param finishedAt when the last run finished
 * @param notebookFormat SOURCE or JUPYTER
 * @param types the resource types exported (folder names)
 * @param counts per type: exported, skipped and failed items
 * @param skipped every item left out on purpose, with the reason
 * @param failed every item that could not be exported, with the reason
 * @param secretValues how secret values travel: NONE, IN_MEMORY or OPENPGP
 * @param checksums SHA-256 of every other file of the bundle, by relative path
 * @param sizes size in bytes of every file of {@code checksums}, by relative path: unpacking a zip
 *     stops at it. Absent from bundles written before it was added (still format 1: an older reader
 *     ignores it); unpacking those stops at the size each zip entry declares
 */
public record BundleManifest(
    int formatVersion,
    String tool,
    String sourceHost,
    Instant startedAt,
    Instant finishedAt,
    String notebookFormat,
    List<String> types,
    Map<String, Counts> counts,
    List<Item> skipped,
    List<Item> failed,
    String secretValues,
    Map<String, String> checksums,
    Map<String, Long> sizes) {

  public static final int FORMAT_VERSION = 1;
  public static final String FILE = "manifest.json";

  public record Counts(long exported, long skipped, long failed) {
    Counts plus(ItemStatus s) {
      return switch (s) {
        case EXPORTED -> new Counts(exported + 1, skipped, failed);
        case SKIPPED -> new Counts(exported, skipped + 1, failed);
        case FAILED -> new Counts(exported, skipped, failed + 1);
      };
    }
  }

  public record Item(String type, String id, String reason) {}

  public void writeTo(Path bundleDir) throws IOException {
    OwnerOnlyFiles.writeJson(bundleDir.resolve(FILE), BundleJson.PRETTY, this);
  }

  public static BundleManifest read(Path bundleDir) throws IOException {
    return BundleJson.MAPPER.readValue(bundleDir.resolve(FILE).toFile(), BundleManifest.class);
  }

  public long totalFailed() {
    return counts.values().stream().mapToLong(Counts::failed).sum();
  }
}
