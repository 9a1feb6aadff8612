package ca.gc.fsdh.bot.migration.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes a zip of a bundle directory the way an attacker or a careless tool could: extra entries,
 * an entry replaced by something else, symbolic links (Unix mode bits), duplicate names, names that
 * leave the bundle. Unlike {@code java.util.zip}, Commons Compress writes all of these as asked.
 */
public final class CraftedZip {
  private final Path bundle;
  private final List<Entry> extra = new ArrayList<>();
  private final Map<String, Content> replaced = new HashMap<>();

  private record Entry(String name, int unixMode, Content content) {}

  /** Writes an entry's bytes. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  public CraftedZip(Path bundle) {
    this.bundle = bundle;
  }

  /** Zero bytes, streamed (they deflate to about a thousandth of their size). */
  public static Content zeros(long count) {
    return out -> {
      byte[] chunk = new byte[64 * 1024];
      for (long left = count; left > 0; left -= chunk.length)
        out.write(chunk, 0, (int) Math.min(chunk.length, left));
    };
  }

  public static Content text(String s) {
    return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Replaces the content of a bundle file (its manifest entry is unchanged). */
  public CraftedZip replace(String name, Content content) {
    replaced.put(name, content);
    return this;
  }

  /** Adds a regular file entry (before the bundle's own files). */
  public CraftedZip add(String name, Content content) {
    extra.add(new Entry(name, 0100644, content));
    return this;
  }

  /**
   * Adds a symbolic link entry pointing at {@code target} (as {@code zip --symlinks} stores it).
   */
  public CraftedZip symlink(String name, String target) {
    extra.add(new Entry(name, 0120777, text(target)));
    return this;
  }

  /** Adds a directory entry (as {@code zip -r} writes one for every folder). */
  public CraftedZip directory(String name) {
    extra.add(new Entry(name.endsWith("/") ? name : name + "/", 040755, out -> {}));
    return this;
  }

  public Path write(Path zip) throws IOException {
    try (var out = new ZipArchiveOutputStream(zip);
        Stream<Path> files = Files.walk(bundle)) {
      for (Entry e : extra)
        put(out, e); // first, as a link to a folder comes before the files under it
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        String name = bundle.relativize(f).toString().replace('\\', '/');
        Content content = replaced.getOrDefault(name, o -> Files.copy(f, o));
        put(out, new Entry(name, 0100644, content));
      }
    }
    return zip;
  }

  private static void put(ZipArchiveOutputStream out, Entry e) throws IOException {
    var entry = new ZipArchiveEntry(e.name());
    entry.setUnixMode(e.unixMode());
    out.putArchiveEntry(entry);
    e.content().writeTo(out);
    out.closeArchiveEntry();
  }
}
