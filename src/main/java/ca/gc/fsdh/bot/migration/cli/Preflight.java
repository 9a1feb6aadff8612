package ca.gc.fsdh.bot.migration.cli;

import ca.gc.fsdh.bot.migration.client.WorkspaceCheck;
import ca.gc.fsdh.bot.migration.client.WorkspaceHost;
import ca.gc.fsdh.bot.migration.client.WorkspaceUnavailableException;
import com.databricks.sdk.core.DatabricksConfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the core's commands check before they read or write anything: first that each host given is
 * a URL this tool talks to ({@link WorkspaceHost}; exit 2), then that each workspace answers one
 * signed-in call and accepts the credentials ({@link WorkspaceCheck}; exit 5). Every problem is one
 * line on standard error, each workspace's own, and no stack trace.
 */
final class Preflight {
  /** A host that is not an https:// URL: a bad command line, as picocli's usage errors. */
  static final int BAD_HOST = 2;

  /** A workspace that cannot be reached or refuses the credentials; nothing was read or written. */
  static final int WORKSPACE_UNAVAILABLE = 5;

  /**
   * One workspace of a command.
   *
   * @param role how the messages name it: {@code source} or {@code target}
   * @param hostOption where its host came from ({@code --host}, {@code --target-host}, {@code
   *     DATABRICKS_HOST})
   * @param host the host given, or null when a profile names it
   * @param config builds a fresh SDK configuration (a missing token is a usage error there)
   */
  record Workspace(
      String role,
      String hostOption,
      String host,
      Supplier<DatabricksConfig> config,
      WorkspaceCheck check) {}

  private Preflight() {}

  /** 0 when every host given is acceptable; else one line per bad host, and {@link #BAD_HOST}. */
  static int hosts(PrintWriter err, Workspace... workspaces) {
    var lines = new ArrayList<String>();
    for (Workspace w : workspaces) {
      if (w.host() != null)
        WorkspaceHost.problem(w.host()).ifPresent(p -> lines.add(w.hostOption() + " " + p));
    }
    return report(err, lines, BAD_HOST);
  }

  /**
   * 0 when every workspace answers and accepts its credentials; else one line per workspace that
   * does not, and {@link #WORKSPACE_UNAVAILABLE}.
   */
  static int signIn(PrintWriter err, Workspace... workspaces) {
    var configs = new ArrayList<DatabricksConfig>();
    for (Workspace w : workspaces)
      configs.add(w.config().get()); // usage errors (no token) before any call
    var lines = new ArrayList<String>();
    for (int i = 0; i < workspaces.length; i++) {
      try {
        workspaces[i].check().signIn(workspaces[i].role(), configs.get(i));
      } catch (WorkspaceUnavailableException e) {
        lines.add(e.getMessage());
      }
    }
    return report(err, lines, WORKSPACE_UNAVAILABLE);
  }

  /** Both checks, hosts first. */
  static int check(PrintWriter err, Workspace... workspaces) {
    int bad = hosts(err, workspaces);
    return bad != 0 ? bad : signIn(err, workspaces);
  }

  private static int report(PrintWriter err, List<String> lines, int code) {
    if (lines.isEmpty()) return 0;
    lines.forEach(l -> err.println("fsdh-bot: " + l));
    err.flush();
    return code;
  }
}
