package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The workspace's repos; each also has an entry of type REPO in the {@link WorkspaceTree}. */
public final class RepoStore {
  private final Map<Long, Repo> repos = new ConcurrentHashMap<>();
  private final WorkspaceTree tree;
  private final AtomicLong ids;

  RepoStore(WorkspaceTree tree, AtomicLong ids) {
    this.tree = tree;
    this.ids = ids;
  }

  /**
   * Adds a repo at {@code path} checked out on {@code branch}; the head commit is derived from
   * both.
   */
  public synchronized Repo add(
      String path, String url, String provider, String branch, List<String> sparse) {
    String p = WorkspaceTree.normalize(path);
    if (!p.startsWith("/Repos/") && !p.startsWith("/Workspace/") && !p.startsWith("/Users/")) {
      throw ApiError.invalid("Repo path " + p + " must be under /Repos/, /Users/ or /Workspace/.");
    }
    long id = ids.incrementAndGet();
    tree.putRepo(id, p);
    Repo repo = new Repo(id, p, url, provider, branch, commitOf(url, branch), sparse);
    repos.put(id, repo);
    return repo;
  }

  public Optional<Repo> get(long id) {
    return Optional.ofNullable(repos.get(id));
  }

  /** Every repo sorted by path (the order of the list endpoint). */
  public List<Repo> all() {
    return repos.values().stream().sorted((a, b) -> a.path().compareTo(b.path())).toList();
  }

  public int size() {
    return repos.size();
  }

  synchronized Repo checkout(long id, String branch) {
    Repo repo = get(id).orElseThrow(() -> ApiError.notFound("Repo " + id + " does not exist."));
    Repo updated = repo.withBranch(branch, commitOf(repo.url(), branch));
    repos.put(id, updated);
    return updated;
  }

  synchronized void delete(long id) {
    Repo repo = repos.remove(id);
    if (repo == null) {
      throw ApiError.notFound("Repo " + id + " does not exist.");
    }
    tree.delete(repo.path(), true);
  }

  /** A stable fake SHA-1 for a branch of a remote, so that tests can predict it. */
  static String commitOf(String url, String branch) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1")
              .digest((url + "#" + branch).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
