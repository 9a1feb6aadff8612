package ca.gc.fsdh.bot.migration.verify;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.spi.SecretValueSource;
import java.util.Optional;
import java.util.Set;

/**
 * What verification compares.
 *
 * @param sqlWarehouse target warehouse that runs {@code SHOW GRANTS}
 * @param targetCluster target cluster that reads secret values back (values are compared only when
 *     this and {@code expectedValues} are given; they are never printed)
 * @param permissions whether object permissions are compared
 */
public record VerifyOptions(
    Set<ResourceType> types,
    Optional<String> sqlWarehouse,
    Optional<String> targetCluster,
    SecretValueSource expectedValues,
    int workers,
    boolean permissions) {
  public VerifyOptions {
    types = Set.copyOf(types);
  }

  public static VerifyOptions defaults() {
    return new VerifyOptions(
        Set.of(ResourceType.values()),
        Optional.empty(),
        Optional.empty(),
        SecretValueSource.NONE,
        8,
        true);
  }

  public VerifyOptions withTypes(Set<ResourceType> t) {
    return new VerifyOptions(t, sqlWarehouse, targetCluster, expectedValues, workers, permissions);
  }

  public VerifyOptions withSqlWarehouse(String w) {
    return new VerifyOptions(
        types, Optional.ofNullable(w), targetCluster, expectedValues, workers, permissions);
  }

  public VerifyOptions withSecretValues(String cluster, SecretValueSource expected) {
    return new VerifyOptions(
        types, sqlWarehouse, Optional.ofNullable(cluster), expected, workers, permissions);
  }

  public VerifyOptions withWorkers(int n) {
    return new VerifyOptions(types, sqlWarehouse, targetCluster, expectedValues, n, permissions);
  }

  public VerifyOptions withPermissions(boolean p) {
    return new VerifyOptions(types, sqlWarehouse, targetCluster, expectedValues, workers, p);
  }
}
