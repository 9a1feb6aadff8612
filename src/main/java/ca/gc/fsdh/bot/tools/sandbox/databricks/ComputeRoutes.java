package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.COMPUTE_READ;
import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.COMPUTE_WRITE;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * Read-only clusters (2.0 and 2.1), instance pools, cluster policies, global init scripts, cluster
 * libraries and SQL warehouses; plus {@code clusters/start}, so that command execution has a
 * running cluster. What cannot be migrated still has to be described to the lead, hence these
 * reads.
 */
final class ComputeRoutes implements Routes {
  private final ComputeInventory compute;

  ComputeRoutes(WorkspaceState state) {
    this.compute = state.compute();
  }

  @Override
  public void register(Router r) {
    for (String v : new String[] {"2.0", "2.1"}) {
      r.add(
          "GET",
          "/api/" + v + "/clusters/list",
          COMPUTE_READ,
          c -> listOf("clusters", compute.clusters()));
      r.add(
          "GET",
          "/api/" + v + "/clusters/get",
          COMPUTE_READ,
          c -> get(compute.cluster(c.required("cluster_id")), "Cluster " + c.param("cluster_id")));
      r.add(
          "POST",
          "/api/" + v + "/clusters/start",
          COMPUTE_WRITE,
          c -> {
            compute.start(c.required("cluster_id"));
            return Reply.ok();
          });
    }
    r.add(
        "GET",
        "/api/2.0/instance-pools/list",
        COMPUTE_READ,
        c -> listOf("instance_pools", compute.pools()));
    r.add(
        "GET",
        "/api/2.0/instance-pools/get",
        COMPUTE_READ,
        c ->
            get(
                compute.pool(c.required("instance_pool_id")),
                "Instance pool " + c.param("instance_pool_id")));
    r.add(
        "GET",
        "/api/2.0/policies/clusters/list",
        COMPUTE_READ,
        c ->
            Reply.json(
                Json.object()
                    .put("total_count", compute.policies().size())
                    .set("policies", Json.array().addAll(compute.policies()))));
    r.add(
        "GET",
        "/api/2.0/policies/clusters/get",
        COMPUTE_READ,
        c ->
            get(compute.policy(c.required("policy_id")), "Cluster policy " + c.param("policy_id")));
    r.add("GET", "/api/2.0/global-init-scripts", COMPUTE_READ, c -> globalInitScripts());
    r.addPrefix(
        "GET",
        "/api/2.0/global-init-scripts/",
        COMPUTE_READ,
        c -> {
          String id = c.path().substring("/api/2.0/global-init-scripts/".length());
          return compute
              .globalInitScript(id)
              .map(Reply::json)
              .orElseThrow(
                  () -> ApiError.notFound("Global init script " + id + " does not exist."));
        });
    r.add(
        "GET",
        "/api/2.0/libraries/cluster-status",
        COMPUTE_READ,
        c -> Reply.json(libraryStatuses(c.required("cluster_id"))));
    r.add(
        "GET", "/api/2.0/libraries/all-cluster-statuses", COMPUTE_READ, c -> allLibraryStatuses());
    r.add(
        "GET",
        "/api/2.0/sql/warehouses",
        COMPUTE_READ,
        c -> listOf("warehouses", compute.warehouses()));
    r.addPrefix(
        "GET",
        "/api/2.0/sql/warehouses/",
        COMPUTE_READ,
        c -> {
          String id = c.path().substring("/api/2.0/sql/warehouses/".length());
          return compute
              .warehouse(id)
              .map(Reply::json)
              .orElseThrow(() -> ApiError.notFound("SQL warehouse " + id + " does not exist."));
        });
  }

  /** A list answer; the real endpoints omit the array when it is empty. */
  private static Reply listOf(String field, List<ObjectNode> items) {
    ObjectNode body = Json.object();
    if (!items.isEmpty()) {
      body.putArray(field).addAll(items);
    }
    return Reply.json(body);
  }

  private static Reply get(Optional<ObjectNode> item, String what) {
    return Reply.json(item.orElseThrow(() -> ApiError.invalid(what + " does not exist")));
  }

  private Reply globalInitScripts() {
    ArrayNode scripts = Json.array();
    for (ObjectNode s : compute.globalInitScripts()) {
      scripts.add(s.deepCopy().without("script"));
    }
    ObjectNode body = Json.object();
    body.set("scripts", scripts);
    return Reply.json(body);
  }

  private ObjectNode libraryStatuses(String clusterId) {
    if (compute.cluster(clusterId).isEmpty()) {
      throw ApiError.invalid("Cluster " + clusterId + " does not exist");
    }
    ObjectNode body = Json.object().put("cluster_id", clusterId);
    ArrayNode statuses = body.putArray("library_statuses");
    compute
        .libraries(clusterId)
        .forEach(lib -> {
          ObjectNode s = statuses.addObject();
          s.set("library", lib);
          s.put("status", "INSTALLED").put("is_library_for_all_clusters", false);
        });
    return body;
  }

  private Reply allLibraryStatuses() {
    ObjectNode body = Json.object();
    ArrayNode all = body.putArray("statuses");
    for (ObjectNode c : compute.clusters()) {
      all.add(libraryStatuses(c.path("cluster_id").asText()));
    }
    return Reply.json(body);
  }
}
