package ca.gc.fsdh.bot.migration.mapping;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mapping file a support person writes for one migration (YAML or JSON; documented in {@code
 * docs/import.md}). Every part is optional: an empty file maps principals and paths to themselves,
 * compute by equal name, and all-purpose clusters to job clusters.
 *
 * @param principals renames of users, groups and service principals (POC name to PROD name)
 * @param paths workspace path prefix rewrites, longest {@code from} first; also applied to notebook
 *     and file paths inside jobs
 * @param clusters by POC cluster id or name (or {@code "*"} for all): what a job on that
 *     all-purpose cluster runs on in PROD
 * @param instancePools POC pool id or name to PROD pool name
 * @param policies POC policy id or name to PROD policy name
 * @param warehouses POC warehouse id or name to PROD warehouse name
 * @param keyVaults by scope name or POC vault DNS name: the PROD vault of a Key Vault-backed scope
 * @param existing per resource type ({@code notebooks}, {@code jobs}...): {@code skip} or {@code
 *     overwrite}
 * @param databases POC database (hive_metastore schema) to PROD {@code catalog.schema}, for table
 *     ACLs replayed into Unity Catalog; a database not listed goes to PROD's default catalog under
 *     its own name
 * @param models where models go: {@code registry} ({@code auto}, {@code workspace}, {@code
 *     unity-catalog}) and {@code schema} ({@code catalog.schema}) for Unity Catalog
 */
public record MappingFile(
    Principals principals,
    List<PathRewrite> paths,
    Map<String, ClusterRule> clusters,
    Map<String, String> instancePools,
    Map<String, String> policies,
    Map<String, String> warehouses,
    Map<String, KeyVault> keyVaults,
    Map<String, String> existing,
    Map<String, String> databases,
    Models models) {

  public MappingFile {
    principals = principals == null ? new Principals(null, null, null) : principals;
    paths = paths == null ? List.of() : List.copyOf(paths);
    clusters = clusters == null ? Map.of() : Map.copyOf(clusters);
    instancePools = instancePools == null ? Map.of() : Map.copyOf(instancePools);
    policies = policies == null ? Map.of() : Map.copyOf(policies);
    warehouses = warehouses == null ? Map.of() : Map.copyOf(warehouses);
    keyVaults = keyVaults == null ? Map.of() : Map.copyOf(keyVaults);
    existing = existing == null ? Map.of() : Map.copyOf(existing);
    databases = databases == null ? Map.of() : Map.copyOf(databases);
    models = models == null ? new Models(null, null) : models;
  }

  /** The same mapping with {@code more} database targets added over this file's. */
  public MappingFile withDatabases(Map<String, String> more) {
    var all = new HashMap<>(databases);
    all.putAll(more);
    return new MappingFile(
        principals,
        paths,
        clusters,
        instancePools,
        policies,
        warehouses,
        keyVaults,
        existing,
        all,
        models);
  }

  /** Where models go; either part may be null (decided from PROD). */
  public record Models(String registry, String schema) {}

  /** The same file without {@code databases} or {@code models} sections. */
  public MappingFile(
      Principals principals,
      List<PathRewrite> paths,
      Map<String, ClusterRule> clusters,
      Map<String, String> instancePools,
      Map<String, String> policies,
      Map<String, String> warehouses,
      Map<String, KeyVault> keyVaults,
      Map<String, String> existing) {
    this(
        principals,
        paths,
        clusters,
        instancePools,
        policies,
        warehouses,
        keyVaults,
        existing,
        null,
        null);
  }

  public record Principals(
      Map<String, String> users,
      Map<String, String> groups,
      Map<String, String> servicePrincipals) {
    public Principals {
      users = users == null ? Map.of() : Map.copyOf(users);
      groups = groups == null ? Map.of() : Map.copyOf(groups);
      servicePrincipals = servicePrincipals == null ? Map.of() : Map.copyOf(servicePrincipals);
    }
  }

  public record PathRewrite(String from, String to) {}

  /**
   * What a job on an all-purpose cluster runs on in PROD: {@code cluster} names an existing PROD
   * cluster; otherwise a job cluster is built from the exported cluster's configuration, under the
   * PROD {@code policy} if one is named.
   */
  public record ClusterRule(String cluster, String policy) {}

  public record KeyVault(String resourceId, String dnsName) {}

  public static MappingFile empty() {
    return new MappingFile(null, null, null, null, null, null, null, null);
  }

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Reads YAML or JSON (JSON is YAML); unknown keys are refused so that a typo is not ignored. */
  public static MappingFile read(Path file) throws IOException {
    try {
      MappingFile m = YAML.readValue(file.toFile(), MappingFile.class);
      return m == null ? empty() : m;
    } catch (JacksonException e) {
      throw new IOException("mapping file " + file + " is not valid: " + e.getOriginalMessage(), e);
    }
  }
}
