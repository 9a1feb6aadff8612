package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * DBFS: files and directories keyed by absolute path ({@code dbfs:} prefix accepted), plus the
 * workspace's mounts. Also serves the Files API, and holds model registry artifacts.
 */
public final class DbfsStore {
  /** Stands for a directory in {@link #entries} (compared by identity; the map refuses nulls). */
  private static final byte[] DIRECTORY = new byte[0];

  /** A file's bytes, or {@link #DIRECTORY}. */
  private final NavigableMap<String, byte[]> entries = new ConcurrentSkipListMap<>();

  private final List<Mount> mounts = new CopyOnWriteArrayList<>();

  /** One entry of a listing. */
  public record Entry(String path, boolean directory, long size) {}

  public DbfsStore() {
    entries.put("/", DIRECTORY);
  }

  public static String normalize(String path) {
    if (path == null) {
      throw ApiError.invalid("Missing required field: path");
    }
    String p = path.startsWith("dbfs:") ? path.substring(5) : path;
    if (!p.startsWith("/")) {
      throw ApiError.invalid("Path " + path + " must be absolute.");
    }
    p = p.replaceAll("/+", "/");
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  private static String parentOf(String p) {
    int slash = p.lastIndexOf('/');
    return slash <= 0 ? "/" : p.substring(0, slash);
  }

  public boolean exists(String path) {
    return entries.containsKey(normalize(path));
  }

  public boolean isDirectory(String path) {
    String p = normalize(path);
    return entries.get(p) == DIRECTORY;
  }

  public synchronized void mkdirs(String path) {
    String p = normalize(path);
    if (entries.containsKey(p)) {
      if (entries.get(p) != DIRECTORY) {
        throw ApiError.alreadyExists("A file exists at " + p + ".");
      }
      return;
    }
    mkdirs(parentOf(p));
    entries.put(p, DIRECTORY);
  }

  /** Writes a file, creating its parents. */
  public synchronized void put(String path, byte[] bytes, boolean overwrite) {
    String p = normalize(path);
    if (entries.containsKey(p)) {
      if (entries.get(p) == DIRECTORY) {
        throw ApiError.alreadyExists("A directory exists at " + p + ".");
      }
      if (!overwrite) {
        throw ApiError.alreadyExists(
            "A file or directory already exists at the input path " + p + ".");
      }
    }
    mkdirs(parentOf(p));
    entries.put(p, bytes.clone());
  }

  public Optional<byte[]> read(String path) {
    byte[] b = entries.get(normalize(path));
    return b == null || b == DIRECTORY ? Optional.empty() : Optional.of(b.clone());
  }

  public Optional<Entry> status(String path) {
    String p = normalize(path);
    if (!entries.containsKey(p)) {
      return Optional.empty();
    }
    byte[] b = entries.get(p);
    return Optional.of(new Entry(p, b == DIRECTORY, b.length));
  }

  /** Direct children of a directory, sorted by path. */
  public List<Entry> list(String dir) {
    String p = normalize(dir);
    String prefix = p.equals("/") ? "/" : p + "/";
    List<Entry> out = new ArrayList<>();
    for (var e : entries.subMap(prefix, true, prefix + Character.MAX_VALUE, false).entrySet()) {
      String rest = e.getKey().substring(prefix.length());
      if (!rest.isEmpty() && rest.indexOf('/') < 0) {
        out.add(new Entry(e.getKey(), e.getValue() == DIRECTORY, e.getValue().length));
      }
    }
    return out;
  }

  public synchronized void delete(String path, boolean recursive) {
    String p = normalize(path);
    if (!entries.containsKey(p)) {
      return; // the real dbfs/delete succeeds on a missing path
    }
    String prefix = p + "/";
    var below = entries.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
    if (!below.isEmpty() && !recursive) {
      throw new ApiError(400, "IO_ERROR", "Directory " + p + " is not empty; use recursive.");
    }
    below.clear();
    entries.remove(p);
  }

  public void addMount(Mount mount) {
    mounts.add(mount);
    mkdirs(mount.mountPoint());
  }

  public List<Mount> mounts() {
    return List.copyOf(mounts);
  }
}
