package ca.gc.fsdh.bot.migration.notebooks;

import ca.gc.fsdh.bot.migration.NotebookFormat;
import com.databricks.sdk.service.workspace.Language;

/**
 * Where workspace objects go in a bundle. Notebooks and files live in separate trees, so that a
 * notebook {@code etl} (written {@code etl.py}) and a file {@code etl.py} in the same folder never
 * collide. Workspace paths keep their spaces and accents.
 */
public final class WorkspaceLayout {
  public static final String SOURCE_ROOT = "notebooks/source";
  public static final String FILES_ROOT = "notebooks/files";

  private WorkspaceLayout() {}

  public static String notebookFile(String workspacePath, Language language, NotebookFormat format) {
    return SOURCE_ROOT + workspacePath + (format == NotebookFormat.JUPYTER ? ".ipynb" : extension(language));
  }

  public static String workspaceFile(String workspacePath) {
    return FILES_ROOT + workspacePath;
  }

  public static String extension(Language language) {
    if (language == null) return ".txt";
    return switch (language) {
      case PYTHON -> ".py";
      case SQL -> ".sql";
      case SCALA -> ".scala";
      case R -> ".r";
    };
  }

  /** Trash folders: at the root or directly in a user's or service principal's home. */
  public static boolean isTrash(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (!name.equals("Trash") && !name.equals(".Trash")) return false;
    String parent = path.substring(0, path.lastIndexOf('/'));
    return parent.isEmpty() || parent.chars().filter(c -> c == '/').count() == 2
        && (parent.startsWith("/Users/") || parent.startsWith("/Workspace/Users/"));
  }
}
