package ca.gc.fsdh.bot.migration.spi;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an import does.
 *
 * @param types resource types to import
 * @param existing per type, what to do with an item that is already in the target
 * @param stateDir where the import journal and reports go (never inside the bundle, whose checksums
 *     must stay valid)
 * @param sqlWarehouse target warehouse that replays table grants (else the mapped POC warehouse)
 * @param secretValues where the values of Databricks-backed scopes come from
 * @param workers worker threads per resource type
 * @param permissions whether object permissions are replayed
 * @param dryRun read the target, write nothing, report what would be created, overwritten, skipped
 * @param tableAclTarget where table ACLs are replayed; AUTO decides from what PROD has
 * @param models which registry receives the models (and where in Unity Catalog)
 */
public record ImportOptions(
    Set<ResourceType> types,
    Map<ResourceType, ExistingPolicy> existing,
    Path stateDir,
    Optional<String> sqlWarehouse,
    SecretValueSource secretValues,
    int workers,
    boolean permissions,
    boolean dryRun,
    TableAclTarget tableAclTarget,
    ModelTargetOptions models) {
  public ImportOptions {
    types = Set.copyOf(types);
    var e = new EnumMap<ResourceType, ExistingPolicy>(defaultPolicies());
    e.putAll(existing);
    existing = Map.copyOf(e);
    Objects.requireNonNull(stateDir, "stateDir == null");
    Objects.requireNonNull(secretValues, "secretValues == null");
    if (workers < 1) throw new IllegalArgumentException("workers < 1: " + workers);
    Objects.requireNonNull(tableAclTarget, "tableAclTarget == null");
    Objects.requireNonNull(models, "models == null");
  }

  /**
   * Defaults: content that the lead may have edited in PROD after a first migration (notebooks,
   * jobs) is overwritten, since the bundle is newer by construction; scopes and models, which
   * cannot be rolled back, are skipped. Repos are overwritten (branch and sparse checkout only).
   */
  public static Map<ResourceType, ExistingPolicy> defaultPolicies() {
    var m = new EnumMap<ResourceType, ExistingPolicy>(ResourceType.class);
    m.put(ResourceType.NOTEBOOKS, ExistingPolicy.OVERWRITE);
    m.put(ResourceType.REPOS, ExistingPolicy.OVERWRITE);
    m.put(ResourceType.JOBS, ExistingPolicy.OVERWRITE);
    m.put(ResourceType.SECRETS, ExistingPolicy.SKIP);
    m.put(ResourceType.TABLE_ACLS, ExistingPolicy.OVERWRITE);
    m.put(ResourceType.MODELS, ExistingPolicy.SKIP);
    return m;
  }

  public static ImportOptions defaults(Path stateDir) {
    return new ImportOptions(
        Set.of(ResourceType.values()),
        Map.of(),
        stateDir,
        Optional.empty(),
        SecretValueSource.NONE,
        8,
        true,
        false,
        TableAclTarget.AUTO,
        ModelTargetOptions.auto());
  }

  public ExistingPolicy policy(ResourceType type) {
    return existing.get(type);
  }

  public ImportOptions withTypes(Set<ResourceType> t) {
    return new ImportOptions(
        t,
        existing,
        stateDir,
        sqlWarehouse,
        secretValues,
        workers,
        permissions,
        dryRun,
        tableAclTarget,
        models);
  }

  public ImportOptions withExisting(Map<ResourceType, ExistingPolicy> e) {
    return new ImportOptions(
        types,
        e,
        stateDir,
        sqlWarehouse,
        secretValues,
        workers,
        permissions,
        dryRun,
        tableAclTarget,
        models);
  }

  public ImportOptions withSqlWarehouse(String id) {
    return new ImportOptions(
        types,
        existing,
        stateDir,
        Optional.ofNullable(id),
        secretValues,
        workers,
        permissions,
        dryRun,
        tableAclTarget,
        models);
  }

  public ImportOptions withSecretValues(SecretValueSource s) {
    return new ImportOptions(
        types,
        existing,
        stateDir,
        sqlWarehouse,
        s,
        workers,
        permissions,
        dryRun,
        tableAclTarget,
        models);
  }

  public ImportOptions withWorkers(int n) {
    return new ImportOptions(
        types,
        existing,
        stateDir,
        sqlWarehouse,
        secretValues,
        n,
        permissions,
        dryRun,
        tableAclTarget,
        models);
  }

  public ImportOptions withPermissions(boolean p) {
    return new ImportOptions(
        types,
        existing,
        stateDir,
        sqlWarehouse,
        secretValues,
        workers,
        p,
        dryRun,
        tableAclTarget,
        models);
  }

  public ImportOptions withDryRun(boolean d) {
    return new ImportOptions(
        types,
        existing,
        stateDir,
        sqlWarehouse,
        secretValues,
        workers,
        permissions,
        d,
        tableAclTarget,
        models);
  }

  public ImportOptions withModels(ModelTargetOptions m) {
    return new ImportOptions(
        types,
        existing,
        stateDir,
        sqlWarehouse,
        secretValues,
        workers,
        permissions,
        dryRun,
        tableAclTarget,
        m);
  }

  public ImportOptions withTableAclTarget(TableAclTarget t) {
    return new ImportOptions(
        types,
        existing,
        stateDir,
        sqlWarehouse,
        secretValues,
        workers,
        permissions,
        dryRun,
        t,
        models);
  }
}
