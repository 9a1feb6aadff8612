package ca.gc.fsdh.bot.tools.sandbox.databricks;

import com.databricks.sdk.service.workspace.Language;
import com.databricks.sdk.service.workspace.ObjectType;

/**
 * One entry of the workspace tree: a directory, notebook, file or repo. {@code language} is set for
 * notebooks only, {@code content} for notebooks and files only. For a repo, {@code id} is also the
 * repo id (as in the real service).
 */
public record WorkspaceObject(
    long id,
    String path,
    ObjectType type,
    Language language,
    Content content,
    long createdAt,
    long modifiedAt) {

  public String name() {
    return path.equals("/") ? "" : path.substring(path.lastIndexOf('/') + 1);
  }

  public String parent() {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }

  public boolean isDirectoryLike() {
    return type == ObjectType.DIRECTORY || type == ObjectType.REPO;
  }
}
