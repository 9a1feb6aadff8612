package ca.gc.fsdh.bot.migration.notebooks;

import ca.gc.fsdh.bot.migration.spi.NotebookFormat;
import com.databricks.sdk.service.workspace.Language;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where workspace objects go in a bundle. Notebooks and files live in separate trees, so that a
 * notebook {@code etl} (written {@code etl.py}) and a file {@code etl.py} in the same folder never
 * collide. Workspace paths keep their spaces, accents, quotes and emoji.
 *
 * <p>Each name is made safe to write on Linux, macOS and Windows and inside a zip: a character one
 * of them refuses or reads as a separator ({@code \ : * ? " < > |}, control characters) is written
 * {@code %XX} (its UTF-8 bytes), and so is {@code %} itself, so that two names never map to the
 * same file. A trailing dot or space (Windows drops them), the names {@code .} and {@code ..},
 * Windows device names ({@code CON}, {@code NUL.txt}...) and a workspace file ending in {@code
 * .part} (the bundle's own unfinished files) get their first or last character encoded. The index
 * records each object's file, so a reader never has to decode a name.
 */
public final class WorkspaceLayout {
  public static final String SOURCE_ROOT = "notebooks/source";
  public static final String FILES_ROOT = "notebooks/files";

  /**
   * Where the workspace libraries (object type LIBRARY) that the export skipped are listed, in the
   * bundle's {@code manual/} folder (written by {@code ManualWriter}).
   */
  public static final String WORKSPACE_LIBRARIES = "manual/workspace-libraries.json";

  private WorkspaceLayout() {}

  private static final Pattern DEVICE =
      Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\\..*)?");

  public static String notebookFile(
      String workspacePath, Language language, NotebookFormat format) {
    return SOURCE_ROOT
        + safePath(workspacePath, "")
        + (format == NotebookFormat.JUPYTER ? ".ipynb" : extension(language));
  }

  public static String workspaceFile(String workspacePath) {
    return FILES_ROOT + safePath(workspacePath, ".part");
  }

  /**
   * {@code /a/b} with each name made safe; {@code reservedEnding} is encoded at the end of the last
   * name.
   */
  static String safePath(String workspacePath, String reservedEnding) {
    String[] names = workspacePath.split("/", -1);
    var sb = new StringBuilder();
    for (int i = 1; i < names.length; i++) {
      String name = safeName(names[i]);
      if (i == names.length - 1 && !reservedEnding.isEmpty() && name.endsWith(reservedEnding)) {
        name = name.substring(0, name.length() - 1) + encode(name.charAt(name.length() - 1));
      }
      sb.append('/').append(name);
    }
    return sb.toString();
  }

  /** One workspace name as a file name that every file system and zip tool keeps as it is. */
  public static String safeName(String name) {
    var sb = new StringBuilder(name.length());
    name.codePoints()
        .forEach(c -> {
          if (c < 0x20 || c == 0x7f || "%\\:*?\"<>|".indexOf(c) >= 0) sb.append(encode(c));
          else sb.appendCodePoint(c);
        });
    String s = sb.toString();
    if (s.equals(".") || s.equals("..") || DEVICE.matcher(s).matches()) {
      s = encode(s.charAt(0)) + s.substring(1);
    }
    if (s.endsWith(".") || s.endsWith(" ")) {
      s = s.substring(0, s.length() - 1) + encode(s.charAt(s.length() - 1));
    }
    return s;
  }

  private static String encode(int codePoint) {
    var sb = new StringBuilder();
    for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
      sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
    }
    return sb.toString();
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
    return parent.isEmpty()
        || parent.chars().filter(c -> c == '/').count() == 2
            && (parent.startsWith("/Users/") || parent.startsWith("/Workspace/Users/"));
  }
}
