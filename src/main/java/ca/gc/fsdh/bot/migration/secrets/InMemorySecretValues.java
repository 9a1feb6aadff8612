package ca.gc.fsdh.bot.migration.secrets;

import ca.gc.fsdh.bot.migration.bundle.BundleWriter;
import ca.gc.fsdh.bot.migration.bundle.FileRef;
import ca.gc.fsdh.bot.migration.spi.SecretValueSink;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secret values held in this process only, for a migration that imports them right away. Nothing is
 * written to disk. {@link #clear()} overwrites the bytes once the import is done.
 *
 * <p>A resumed export does not have the values of scopes finished by the killed run: the importer
 * must read those again (the journal marks them {@code values: IN_MEMORY}).
 */
public final class InMemorySecretValues implements SecretValueSink {
  private final Map<String, Map<String, byte[]>> values = new ConcurrentHashMap<>();

  @Override
  public String mode() {
    return "IN_MEMORY";
  }

  @Override
  public Optional<FileRef> accept(
      String scope, Map<String, byte[]> scopeValues, BundleWriter bundle) {
    // copies: the exporter wipes the arrays it read once the sink has them
    var copy = new HashMap<String, byte[]>();
    scopeValues.forEach((k, v) -> copy.put(k, v.clone()));
    values.put(scope, Map.copyOf(copy));
    return Optional.empty();
  }

  /** The values of one scope, by key; empty when the scope was not read. */
  public Map<String, byte[]> scope(String scope) {
    return values.getOrDefault(scope, Map.of());
  }

  public void clear() {
    values.values().forEach(m -> m.values().forEach(b -> Arrays.fill(b, (byte) 0)));
    values.clear();
  }

  @Override
  public String toString() {
    return "InMemorySecretValues[" + values.size() + " scopes, values hidden]";
  }
}
