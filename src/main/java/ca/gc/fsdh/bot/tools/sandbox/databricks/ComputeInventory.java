package ca.gc.fsdh.bot.tools.sandbox.databricks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Clusters, instance pools, cluster policies, global init scripts, SQL warehouses and cluster
 * libraries, kept as the JSON the REST API returns. They cannot be migrated, only described, so the
 * stand-in serves them read-only (starting a cluster is the one write, for command execution).
 */
public final class ComputeInventory {
  private final Map<String, ObjectNode> clusters = new ConcurrentSkipListMap<>();
  private final Map<String, ObjectNode> pools = new ConcurrentSkipListMap<>();
  private final Map<String, ObjectNode> policies = new ConcurrentSkipListMap<>();
  private final Map<String, ObjectNode> initScripts = new ConcurrentSkipListMap<>();
  private final Map<String, ObjectNode> warehouses = new ConcurrentSkipListMap<>();
  private final Map<String, ArrayNode> libraries = new ConcurrentSkipListMap<>();

  /** Adds a cluster ({@code ClusterDetails} JSON with a {@code cluster_id}). */
  public void addCluster(ObjectNode cluster) {
    clusters.put(require(cluster, "cluster_id"), cluster);
  }

  public void addPool(ObjectNode pool) {
    pools.put(require(pool, "instance_pool_id"), pool);
  }

  public void addPolicy(ObjectNode policy) {
    policies.put(require(policy, "policy_id"), policy);
  }

  /** Adds a global init script; {@code script} holds the base64 body, as {@code get} returns it. */
  public void addGlobalInitScript(ObjectNode script) {
    initScripts.put(require(script, "script_id"), script);
  }

  public void addWarehouse(ObjectNode warehouse) {
    warehouses.put(require(warehouse, "id"), warehouse);
  }

  /** Sets the libraries installed on a cluster ({@code Library} JSON objects). */
  public void setLibraries(String clusterId, ArrayNode libs) {
    libraries.put(clusterId, libs);
  }

  public List<ObjectNode> clusters() {
    return List.copyOf(clusters.values());
  }

  public Optional<ObjectNode> cluster(String id) {
    return Optional.ofNullable(clusters.get(id));
  }

  public List<ObjectNode> pools() {
    return List.copyOf(pools.values());
  }

  public Optional<ObjectNode> pool(String id) {
    return Optional.ofNullable(pools.get(id));
  }

  public List<ObjectNode> policies() {
    return List.copyOf(policies.values());
  }

  public Optional<ObjectNode> policy(String id) {
    return Optional.ofNullable(policies.get(id));
  }

  public List<ObjectNode> globalInitScripts() {
    return List.copyOf(initScripts.values());
  }

  public Optional<ObjectNode> globalInitScript(String id) {
    return Optional.ofNullable(initScripts.get(id));
  }

  public List<ObjectNode> warehouses() {
    return List.copyOf(warehouses.values());
  }

  public Optional<ObjectNode> warehouse(String id) {
    return Optional.ofNullable(warehouses.get(id));
  }

  public ArrayNode libraries(String clusterId) {
    return libraries.getOrDefault(clusterId, Json.array());
  }

  /** Marks a cluster RUNNING (the stand-in starts clusters at once). */
  synchronized void start(String clusterId) {
    ObjectNode c = clusters.get(clusterId);
    if (c == null) {
      throw ApiError.invalid("Cluster " + clusterId + " does not exist");
    }
    ObjectNode copy = c.deepCopy().put("state", "RUNNING").put("state_message", "");
    clusters.put(clusterId, copy);
  }

  private static String require(ObjectNode node, String field) {
    String id = node.path(field).asText("");
    if (id.isEmpty()) {
      throw new IllegalArgumentException(field + " is required: " + node);
    }
    return id;
  }
}
