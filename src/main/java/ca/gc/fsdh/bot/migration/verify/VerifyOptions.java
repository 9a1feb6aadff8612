package ca.gc.fsdh.bot.migration.verify;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.spi.ModelTargetOptions;
import ca.gc.fsdh.bot.migration.spi.SecretValueSource;
import ca.gc.fsdh.bot.migration.spi.TableAclTarget;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What verification compares.
 *
 * @param sqlWarehouse target warehouse that runs {@code SHOW GRANTS}
 * @param targetCluster target cluster that reads secret values back (values are compared only when
 *     this and {@code expectedValues} are given; they are never printed)
 * @param permissions whether object permissions are compared
 * @param tableAclTarget where table ACLs were replayed (AUTO: Unity Catalog when the target has a
 *     metastore), so grants are compared in that target's terms
 * @param models which registry the models were imported into (decided as the import does)
 */
public record VerifyOptions(
    Set<ResourceType> types,
    Optional<String> sqlWarehouse,
    Optional<String> targetCluster,
    SecretValueSource expectedValues,
    int workers,
    boolean permissions,
    TableAclTarget tableAclTarget,
    ModelTargetOptions models) {
  public VerifyOptions {
    types = Set.copyOf(types);
    Objects.requireNonNull(tableAclTarget, "tableAclTarget == null");
    Objects.requireNonNull(models, "models == null");
  }

  public static VerifyOptions defaults() {
    return new VerifyOptions(
        Set.of(ResourceType.values()),
        Optional.empty(),
        Optional.empty(),
        SecretValueSource.NONE,
        8,
        true,
        TableAclTarget.AUTO,
        ModelTargetOptions.auto());
  }

  public VerifyOptions withTypes(Set<ResourceType> t) {
    return new VerifyOptions(
        t,
        sqlWarehouse,
        targetCluster,
        expectedValues,
        workers,
        permissions,
        tableAclTarget,
        models);
  }

  public VerifyOptions withSqlWarehouse(String w) {
    return new VerifyOptions(
        types,
        Optional.ofNullable(w),
        targetCluster,
        expectedValues,
        workers,
        permissions,
        tableAclTarget,
        models);
  }

  public VerifyOptions withSecretValues(String cluster, SecretValueSource expected) {
    return new VerifyOptions(
        types,
        sqlWarehouse,
        Optional.ofNullable(cluster),
        expected,
        workers,
        permissions,
        tableAclTarget,
        models);
  }

  public VerifyOptions withWorkers(int n) {
    return new VerifyOptions(
        types, sqlWarehouse, targetCluster, expectedValues, n, permissions, tableAclTarget, models);
  }

  public VerifyOptions withPermissions(boolean p) {
    return new VerifyOptions(
        types, sqlWarehouse, targetCluster, expectedValues, workers, p, tableAclTarget, models);
  }

  public VerifyOptions withModels(ModelTargetOptions m) {
    return new VerifyOptions(
        types,
        sqlWarehouse,
        targetCluster,
        expectedValues,
        workers,
        permissions,
        tableAclTarget,
        m);
  }

  public VerifyOptions withTableAclTarget(TableAclTarget t) {
    return new VerifyOptions(
        types, sqlWarehouse, targetCluster, expectedValues, workers, permissions, t, models);
  }
}
