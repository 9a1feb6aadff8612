package ca.gc.fsdh.bot.migration.mapping;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.bundle.BundleReader;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The POC compute as the bundle's {@code manual/} part describes it: cluster configurations (with
 * their libraries), pool and policy names by id. The importer needs names to match by name in PROD,
 * and cluster configurations to build job clusters.
 */
public final class SourceCompute {
  private final Map<String, JsonNode> clusters = new HashMap<>();
  private final Map<String, String> poolNames = new HashMap<>();
  private final Map<String, String> policyNames = new HashMap<>();

  public static SourceCompute read(BundleReader bundle) throws IOException {
    var s = new SourceCompute();
    for (JsonNode c : array(bundle, "manual/clusters.json")) {
      JsonNode details = c.path("cluster");
      String id = details.path("cluster_id").asText(null);
      if (id != null) s.clusters.put(id, c);
    }
    for (JsonNode p : array(bundle, "manual/instance-pools.json")) {
      s.poolNames.put(p.path("instance_pool_id").asText(), p.path("instance_pool_name").asText());
    }
    for (JsonNode p : array(bundle, "manual/cluster-policies.json")) {
      s.policyNames.put(p.path("policy_id").asText(), p.path("name").asText());
    }
    return s;
  }

  private static JsonNode array(BundleReader bundle, String file) throws IOException {
    var f = bundle.file(file);
    return Files.exists(f)
        ? BundleJson.MAPPER.readTree(f.toFile())
        : BundleJson.MAPPER.createArrayNode();
  }

  /**
   * {@code {cluster: ClusterDetails, libraries: [...], why: [...]}} of an all-purpose POC cluster.
   */
  public Optional<JsonNode> cluster(String id) {
    return Optional.ofNullable(clusters.get(id));
  }

  public Optional<String> clusterName(String id) {
    return cluster(id).map(c -> c.path("cluster").path("cluster_name").asText(null));
  }

  public Optional<String> poolName(String id) {
    return Optional.ofNullable(poolNames.get(id));
  }

  public Optional<String> policyName(String id) {
    return Optional.ofNullable(policyNames.get(id));
  }
}
