package ca.gc.fsdh.bot.migration.mapping;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.compute.ClusterDetails;
import com.databricks.sdk.service.compute.InstancePoolAndStats;
import com.databricks.sdk.service.compute.ListClusterPoliciesRequest;
import com.databricks.sdk.service.compute.ListClustersRequest;
import com.databricks.sdk.service.compute.Policy;
import com.databricks.sdk.service.sql.EndpointInfo;
import com.databricks.sdk.service.sql.ListWarehousesRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** PROD clusters, pools, policies and warehouses by name, listed once (read-only). */
public class TargetCompute {
  private final WorkspaceClient target;
  private Map<String, String> clusters;
  private Map<String, String> pools;
  private Map<String, String> policies;
  private Map<String, String> warehouses;

  public TargetCompute(WorkspaceClient target) {
    this.target = target;
  }

  public synchronized Optional<String> clusterId(String name) {
    if (clusters == null) {
      clusters = new HashMap<>();
      for (ClusterDetails c : target.clusters().list(new ListClustersRequest()))
        clusters.put(c.getClusterName(), c.getClusterId());
    }
    return Optional.ofNullable(clusters.get(name));
  }

  public synchronized Optional<String> poolId(String name) {
    if (pools == null) {
      pools = new HashMap<>();
      for (InstancePoolAndStats p : target.instancePools().list())
        pools.put(p.getInstancePoolName(), p.getInstancePoolId());
    }
    return Optional.ofNullable(pools.get(name));
  }

  public synchronized Optional<String> policyId(String name) {
    if (policies == null) {
      policies = new HashMap<>();
      for (Policy p : target.clusterPolicies().list(new ListClusterPoliciesRequest()))
        policies.put(p.getName(), p.getPolicyId());
    }
    return Optional.ofNullable(policies.get(name));
  }

  public synchronized Optional<String> warehouseId(String name) {
    if (warehouses == null) {
      warehouses = new HashMap<>();
      for (EndpointInfo w : target.warehouses().list(new ListWarehousesRequest()))
        warehouses.put(w.getName(), w.getId());
    }
    return Optional.ofNullable(warehouses.get(name));
  }
}
