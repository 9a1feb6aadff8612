package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.FILES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Files API ({@code /api/2.0/fs/files/...}, {@code /api/2.0/fs/directories/...}) over the same
 * store as DBFS: {@code /api/2.0/fs/files/databricks/mlflow-registry/...} reads what {@code
 * dbfs:/databricks/mlflow-registry/...} holds. A leading {@code /dbfs} is accepted too.
 */
final class FilesRoutes implements Routes {
  private static final String FILES_PREFIX = "/api/2.0/fs/files/";
  private static final String DIRS_PREFIX = "/api/2.0/fs/directories/";

  private final DbfsStore dbfs;

  FilesRoutes(WorkspaceState state) {
    this.dbfs = state.dbfs();
  }

  @Override
  public void register(Router r) {
    r.addPrefix(
        "GET",
        FILES_PREFIX,
        FILES,
        c -> {
          byte[] bytes = dbfs.read(path(c, FILES_PREFIX)).orElseThrow(() -> notFound(c));
          return Reply.bytes(
              bytes,
              "application/octet-stream",
              Map.of("Last-Modified", "Tue, 14 Nov 2023 22:13:20 GMT"));
        });
    r.addPrefix(
        "HEAD",
        FILES_PREFIX,
        FILES,
        c -> {
          byte[] bytes = dbfs.read(path(c, FILES_PREFIX)).orElseThrow(() -> notFound(c));
          return new Reply(
              200,
              "application/octet-stream",
              new byte[0],
              Map.of(
                  "X-Content-Length",
                  Integer.toString(bytes.length),
                  "Last-Modified",
                  "Tue, 14 Nov 2023 22:13:20 GMT"));
        });
    r.addPrefix(
        "PUT",
        FILES_PREFIX,
        FILES,
        c -> {
          dbfs.put(path(c, FILES_PREFIX), c.body(), !"false".equals(c.query().get("overwrite")));
          return new Reply(204, Reply.JSON, new byte[0], Map.of());
        });
    r.addPrefix(
        "DELETE",
        FILES_PREFIX,
        FILES,
        c -> {
          String p = path(c, FILES_PREFIX);
          if (!dbfs.exists(p) || dbfs.isDirectory(p)) {
            throw notFound(c);
          }
          dbfs.delete(p, false);
          return new Reply(204, Reply.JSON, new byte[0], Map.of());
        });
    r.addPrefix("GET", DIRS_PREFIX, FILES, this::listDirectory);
    r.addPrefix(
        "HEAD",
        DIRS_PREFIX,
        FILES,
        c -> {
          if (!dbfs.isDirectory(path(c, DIRS_PREFIX))) {
            throw notFound(c);
          }
          return new Reply(200, Reply.JSON, new byte[0], Map.of());
        });
    r.addPrefix(
        "PUT",
        DIRS_PREFIX,
        FILES,
        c -> {
          dbfs.mkdirs(path(c, DIRS_PREFIX));
          return new Reply(204, Reply.JSON, new byte[0], Map.of());
        });
    r.addPrefix(
        "DELETE",
        DIRS_PREFIX,
        FILES,
        c -> {
          String p = path(c, DIRS_PREFIX);
          if (!dbfs.isDirectory(p)) {
            throw notFound(c);
          }
          dbfs.delete(p, false);
          return new Reply(204, Reply.JSON, new byte[0], Map.of());
        });
  }

  private static String path(ApiCall call, String prefix) {
    String p = "/" + call.path().substring(prefix.length());
    return p.startsWith("/dbfs/") ? p.substring(5) : p;
  }

  private static ApiError notFound(ApiCall call) {
    return new ApiError(
        404, "NOT_FOUND", "The file or directory " + call.path() + " does not exist.");
  }

  private Reply listDirectory(ApiCall call) {
    String dir = path(call, DIRS_PREFIX);
    if (!dbfs.isDirectory(dir)) {
      throw notFound(call);
    }
    ObjectNode body = Json.object();
    ArrayNode contents = body.putArray("contents");
    for (DbfsStore.Entry e : dbfs.list(dir)) {
      ObjectNode n =
          contents
              .addObject()
              .put("path", e.path())
              .put("is_directory", e.directory())
              .put("name", e.path().substring(e.path().lastIndexOf('/') + 1));
      if (!e.directory()) {
        n.put("file_size", e.size()).put("last_modified", 1_700_000_000_000L);
      }
    }
    return Reply.json(body);
  }
}
