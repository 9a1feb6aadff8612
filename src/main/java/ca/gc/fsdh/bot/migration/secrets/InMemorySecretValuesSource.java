package ca.gc.fsdh.bot.migration.secrets;

import ca.gc.fsdh.bot.migration.compute.ClusterCommands;
import ca.gc.fsdh.bot.migration.spi.SecretValueSource;
import com.databricks.sdk.WorkspaceClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Secret values for a migration: those the export kept in memory, else (a resumed export lost them)
 * read again from the source cluster with {@link SecretReadCommand}. Values are copied out so that
 * the importer may wipe its copy; {@link #close()} wipes the rest.
 */
public final class InMemorySecretValuesSource implements SecretValueSource, AutoCloseable {
  private final InMemorySecretValues held;
  private final ClusterCommands source;

  public InMemorySecretValuesSource(
      InMemorySecretValues held, WorkspaceClient sourceWorkspace, String sourceCluster) {
    this.held = held;
    this.source =
        sourceCluster == null
            ? null
            : new ClusterCommands(sourceWorkspace, sourceCluster, Duration.ofMinutes(5));
  }

  @Override
  public Optional<Map<String, byte[]>> values(String scope, List<String> keys) throws Exception {
    Map<String, byte[]> v = held.scope(scope);
    if (v.keySet().containsAll(keys)) return Optional.of(copy(v));
    if (source == null) return Optional.empty();
    return Optional.of(SecretReadCommand.parse(source.run(SecretReadCommand.python(scope, keys))));
  }

  private static Map<String, byte[]> copy(Map<String, byte[]> v) {
    var out = new HashMap<String, byte[]>();
    v.forEach((k, b) -> out.put(k, b.clone()));
    return out;
  }

  @Override
  public void close() {
    held.clear();
    if (source != null) source.close();
  }

  @Override
  public String toString() {
    return "InMemorySecretValuesSource[values hidden]";
  }
}
