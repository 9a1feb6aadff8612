package ca.gc.fsdh.bot.migration.spi;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an export does.
 *
 * @param types resource types to export
 * @param format notebook format
 * @param secretsCluster cluster that runs the commands reading secret values and mounts
 * @param sqlWarehouse SQL warehouse that runs {@code SHOW GRANTS}
 * @param secretValues where secret values go; {@link SecretValueSink#NONE} reads none
 * @param workers worker threads per resource type
 * @param permissions whether object permissions are read (one extra call per object)
 */
public record ExportOptions(
    Set<ResourceType> types,
    NotebookFormat format,
    Optional<String> secretsCluster,
    Optional<String> sqlWarehouse,
    SecretValueSink secretValues,
    int workers,
    boolean permissions) {
  public ExportOptions {
    types = Set.copyOf(types);
    Objects.requireNonNull(format, "format == null");
    Objects.requireNonNull(secretValues, "secretValues == null");
    if (workers < 1) throw new IllegalArgumentException("workers < 1: " + workers);
  }

  public static ExportOptions allTypes() {
    return new ExportOptions(
        Set.of(ResourceType.values()),
        NotebookFormat.SOURCE,
        Optional.empty(),
        Optional.empty(),
        SecretValueSink.NONE,
        8,
        true);
  }

  public ExportOptions withTypes(Set<ResourceType> t) {
    return new ExportOptions(
        t, format, secretsCluster, sqlWarehouse, secretValues, workers, permissions);
  }

  public ExportOptions withFormat(NotebookFormat f) {
    return new ExportOptions(
        types, f, secretsCluster, sqlWarehouse, secretValues, workers, permissions);
  }

  public ExportOptions withSecretsCluster(String clusterId, SecretValueSink sink) {
    return new ExportOptions(
        types, format, Optional.ofNullable(clusterId), sqlWarehouse, sink, workers, permissions);
  }

  public ExportOptions withSqlWarehouse(String warehouseId) {
    return new ExportOptions(
        types,
        format,
        secretsCluster,
        Optional.ofNullable(warehouseId),
        secretValues,
        workers,
        permissions);
  }

  public ExportOptions withPermissions(boolean read) {
    return new ExportOptions(
        types, format, secretsCluster, sqlWarehouse, secretValues, workers, read);
  }

  public ExportOptions withWorkers(int n) {
    return new ExportOptions(
        types, format, secretsCluster, sqlWarehouse, secretValues, n, permissions);
  }
}
