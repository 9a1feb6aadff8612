package ca.gc.fsdh.bot.migration.compute;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.compute.Command;
import com.databricks.sdk.service.compute.CommandStatus;
import com.databricks.sdk.service.compute.CommandStatusResponse;
import com.databricks.sdk.service.compute.ContextStatus;
import com.databricks.sdk.service.compute.CreateContext;
import com.databricks.sdk.service.compute.DestroyContext;
import com.databricks.sdk.service.compute.Language;
import java.time.Duration;

/**
 * Runs Python on a cluster through the command execution API (1.2) and returns what it printed. One
 * execution context is created lazily and reused for every command of a run.
 *
 * <p>The SDK's waiters sleep a second or more between polls; this polls from 50 ms up, because the
 * commands sent here finish in well under a second.
 */
public final class ClusterCommands implements AutoCloseable {
  private final WorkspaceClient workspace;
  private final String clusterId;
  private final Duration timeout;
  private String contextId;

  public ClusterCommands(WorkspaceClient workspace, String clusterId, Duration timeout) {
    this.workspace = workspace;
    this.clusterId = clusterId;
    this.timeout = timeout;
  }

  /** The text output of a finished command; an error result becomes an exception with its cause. */
  public synchronized String run(String python) throws InterruptedException {
    var api = workspace.commandExecution();
    if (contextId == null) {
      contextId =
          api.create(new CreateContext().setClusterId(clusterId).setLanguage(Language.PYTHON))
              .getResponse()
              .getId();
      long deadline = System.nanoTime() + timeout.toNanos();
      for (int i = 0; ; i++) {
        var s = api.contextStatus(clusterId, contextId).getStatus();
        if (s == ContextStatus.RUNNING) break;
        if (s == ContextStatus.ERROR)
          throw new IllegalStateException(
              "cluster " + clusterId + " could not start a Python context");
        pause(i, deadline);
      }
    }
    String commandId =
        api.execute(
                new Command()
                    .setClusterId(clusterId)
                    .setContextId(contextId)
                    .setLanguage(Language.PYTHON)
                    .setCommand(python))
            .getResponse()
            .getId();
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int i = 0; ; i++) {
      CommandStatusResponse r = api.commandStatus(clusterId, contextId, commandId);
      if (r.getStatus() == CommandStatus.FINISHED || r.getStatus() == CommandStatus.ERROR) {
        var results = r.getResults();
        if (r.getStatus() == CommandStatus.ERROR
            || results == null
            || "error".equalsIgnoreCase(String.valueOf(results.getResultType()))) {
          // the cause is the Python traceback; it never holds a value (the command prints only
          // base64)
          throw new IllegalStateException(
              "command failed on cluster "
                  + clusterId
                  + ": "
                  + (results == null ? r.getStatus() : firstLine(results.getCause())));
        }
        return results.getData() == null ? "" : results.getData().toString();
      }
      if (r.getStatus() == CommandStatus.CANCELLED || r.getStatus() == CommandStatus.CANCELLING) {
        throw new IllegalStateException("command cancelled on cluster " + clusterId);
      }
      pause(i, deadline);
    }
  }

  private void pause(int attempt, long deadline) throws InterruptedException {
    if (System.nanoTime() > deadline)
      throw new IllegalStateException("command timed out after " + timeout);
    Thread.sleep(Math.min(50L << Math.min(attempt, 5), 1000));
  }

  private static String firstLine(String s) {
    if (s == null) return "no cause given";
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }

  @Override
  public synchronized void close() {
    if (contextId != null) {
      try {
        workspace
            .commandExecution()
            .destroy(new DestroyContext().setClusterId(clusterId).setContextId(contextId));
      } catch (RuntimeException ignored) {
        // the context expires on the cluster by itself
      }
      contextId = null;
    }
  }
}
