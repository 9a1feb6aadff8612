package ca.gc.fsdh.bot.tools.sandbox.databricks;

import com.databricks.sdk.service.workspace.Language;
import com.databricks.sdk.service.workspace.ObjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The workspace file tree ({@code /Users}, {@code /Shared}, {@code /Repos} ...), keyed by absolute
 * path. Writes are serialised on the tree; reads are lock-free. The seeding methods create missing
 * parents; the REST routes check parents themselves, as the real service does.
 */
public final class WorkspaceTree {
  private final Map<String, WorkspaceObject> byPath = new ConcurrentHashMap<>();
  private final Map<Long, String> pathById = new ConcurrentHashMap<>();
  private final Map<String, ConcurrentSkipListSet<String>> children = new ConcurrentHashMap<>();
  private final AtomicLong ids;
  private final long createdAt;

  WorkspaceTree(AtomicLong ids, long createdAt) {
    this.ids = ids;
    this.createdAt = createdAt;
    put(new WorkspaceObject(0, "/", ObjectType.DIRECTORY, null, null, createdAt, createdAt));
  }

  /**
   * Checks and normalises an absolute workspace path ({@code /a/b}, no trailing slash). The {@code
   * /Workspace} prefix is an alias of the root, as in the real service.
   */
  public static String normalize(String path) {
    if (path == null || !path.startsWith("/")) {
      throw ApiError.invalid("Path (" + path + ") must be absolute.");
    }
    String p = path.replaceAll("/+", "/");
    p = p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    if (p.equals("/Workspace")) {
      return "/";
    }
    return p.startsWith("/Workspace/") ? p.substring("/Workspace".length()) : p;
  }

  static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }

  public Optional<WorkspaceObject> get(String path) {
    return Optional.ofNullable(byPath.get(normalize(path)));
  }

  public Optional<WorkspaceObject> byId(long id) {
    String p = pathById.get(id);
    return p == null ? Optional.empty() : Optional.ofNullable(byPath.get(p));
  }

  /** The direct children of a directory or repo, sorted by path. */
  public List<WorkspaceObject> children(String dir) {
    var set = children.get(normalize(dir));
    if (set == null) {
      return List.of();
    }
    List<WorkspaceObject> out = new ArrayList<>(set.size());
    for (String p : set) {
      WorkspaceObject o = byPath.get(p);
      if (o != null) {
        out.add(o);
      }
    }
    return out;
  }

  /** Every object, root included, in no particular order. */
  public Stream<WorkspaceObject> all() {
    return byPath.values().stream();
  }

  public long count(ObjectType type) {
    return byPath.values().stream().filter(o -> o.type() == type).count();
  }

  /** Creates a directory and its missing parents; returns the directory. */
  public synchronized WorkspaceObject mkdirs(String path) {
    String p = normalize(path);
    WorkspaceObject existing = byPath.get(p);
    if (existing != null) {
      if (!existing.isDirectoryLike()) {
        throw ApiError.alreadyExists(
            "Cannot create directory "
                + p
                + " because a "
                + existing.type()
                + " with the same name exists.");
      }
      return existing;
    }
    mkdirs(parentOf(p));
    return put(
        new WorkspaceObject(
            ids.incrementAndGet(), p, ObjectType.DIRECTORY, null, null, now(), now()));
  }

  /** Adds or replaces a notebook, creating missing parents (for seeding and tests). */
  public WorkspaceObject putNotebook(String path, Language language, Content content) {
    return putLeaf(normalize(path), ObjectType.NOTEBOOK, language, content, true);
  }

  /** Adds or replaces a workspace file, creating missing parents (for seeding and tests). */
  public WorkspaceObject putFile(String path, Content content) {
    return putLeaf(normalize(path), ObjectType.FILE, null, content, true);
  }

  /**
   * Writes a notebook or file as the import endpoint does: the parent must exist, and an existing
   * object is replaced only with {@code overwrite} and only by the same kind of object.
   */
  synchronized WorkspaceObject importObject(
      String path, ObjectType type, Language language, Content content, boolean overwrite) {
    WorkspaceObject parent = byPath.get(parentOf(path));
    if (parent == null) {
      throw ApiError.notFound("The parent folder (" + parentOf(path) + ") does not exist.");
    }
    if (!parent.isDirectoryLike()) {
      throw ApiError.invalid("The parent (" + parent.path() + ") is not a folder.");
    }
    WorkspaceObject existing = byPath.get(path);
    if (existing != null && (!overwrite || existing.isDirectoryLike())) {
      throw ApiError.alreadyExists("Path (" + path + ") already exists.");
    }
    return putLeaf(path, type, language, content, false);
  }

  private synchronized WorkspaceObject putLeaf(
      String p, ObjectType type, Language language, Content content, boolean createParents) {
    WorkspaceObject existing = byPath.get(p);
    if (existing != null && existing.isDirectoryLike()) {
      throw ApiError.alreadyExists("Path (" + p + ") already exists.");
    }
    if (createParents) {
      mkdirs(parentOf(p));
    }
    long id = existing != null && existing.type() == type ? existing.id() : ids.incrementAndGet();
    long created = existing != null ? existing.createdAt() : now();
    if (existing != null && existing.id() != id) {
      pathById.remove(existing.id());
    }
    return put(new WorkspaceObject(id, p, type, language, content, created, now()));
  }

  /**
   * Adds a legacy workspace library (object type LIBRARY, created in the UI with Create > Library):
   * it is listed and has a status, but the workspace API cannot export or import it.
   */
  public synchronized WorkspaceObject putLibrary(String path) {
    String p = normalize(path);
    if (byPath.containsKey(p)) {
      throw ApiError.alreadyExists("Path (" + p + ") already exists.");
    }
    mkdirs(parentOf(p));
    return put(
        new WorkspaceObject(
            ids.incrementAndGet(), p, ObjectType.LIBRARY, null, null, now(), now()));
  }

  /** Adds the workspace entry of a repo (its id is the repo id). */
  synchronized WorkspaceObject putRepo(long id, String path) {
    String p = normalize(path);
    if (byPath.containsKey(p)) {
      throw ApiError.alreadyExists("Path (" + p + ") already exists.");
    }
    mkdirs(parentOf(p));
    return put(new WorkspaceObject(id, p, ObjectType.REPO, null, null, now(), now()));
  }

  /** Deletes an object; a non-empty directory needs {@code recursive}. */
  public synchronized void delete(String path, boolean recursive) {
    String p = normalize(path);
    WorkspaceObject o = byPath.get(p);
    if (o == null) {
      throw ApiError.notFound("Path (" + p + ") doesn't exist.");
    }
    if (p.equals("/")) {
      throw ApiError.invalid("Cannot delete the root folder.");
    }
    var kids = children.get(p);
    if (o.type() == ObjectType.DIRECTORY && kids != null && !kids.isEmpty() && !recursive) {
      throw new ApiError(400, "DIRECTORY_NOT_EMPTY", "Folder (" + p + ") is not empty.");
    }
    if (kids != null) {
      for (String child : List.copyOf(kids)) {
        delete(child, true);
      }
    }
    byPath.remove(p);
    pathById.remove(o.id());
    children.remove(p);
    var siblings = children.get(parentOf(p));
    if (siblings != null) {
      siblings.remove(p);
    }
  }

  private WorkspaceObject put(WorkspaceObject o) {
    byPath.put(o.path(), o);
    pathById.put(o.id(), o.path());
    if (!o.path().equals("/")) {
      children.computeIfAbsent(o.parent(), k -> new ConcurrentSkipListSet<>()).add(o.path());
    }
    return o;
  }

  private long now() {
    return Math.max(createdAt, System.currentTimeMillis());
  }
}
