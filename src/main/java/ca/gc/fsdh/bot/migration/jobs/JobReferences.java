package ca.gc.fsdh.bot.migration.jobs;

import com.databricks.sdk.service.jobs.JobSettings;
import com.databricks.sdk.service.jobs.Task;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a job points at that will not exist under the same id in another workspace: all-purpose
 * clusters, instance pools, cluster policies and SQL warehouses. The importer maps them; the plan
 * lists jobs on all-purpose clusters as work to do by hand.
 */
public record JobReferences(
    Set<String> existingClusterIds,
    Set<String> instancePoolIds,
    Set<String> policyIds,
    Set<String> warehouseIds) {

  public static JobReferences of(JobSettings s) {
    var clusters = new TreeSet<String>();
    var pools = new TreeSet<String>();
    var policies = new TreeSet<String>();
    var warehouses = new TreeSet<String>();
    if (s != null) {
      if (s.getJobClusters() != null) {
        for (var jc : s.getJobClusters()) {
          var nc = jc.getNewCluster();
          if (nc == null) continue;
          if (nc.getInstancePoolId() != null) pools.add(nc.getInstancePoolId());
          if (nc.getDriverInstancePoolId() != null) pools.add(nc.getDriverInstancePoolId());
          if (nc.getPolicyId() != null) policies.add(nc.getPolicyId());
        }
      }
      if (s.getTasks() != null) {
        for (Task t : s.getTasks()) {
          if (t.getExistingClusterId() != null) clusters.add(t.getExistingClusterId());
          var nc = t.getNewCluster();
          if (nc != null) {
            if (nc.getInstancePoolId() != null) pools.add(nc.getInstancePoolId());
            if (nc.getDriverInstancePoolId() != null) pools.add(nc.getDriverInstancePoolId());
            if (nc.getPolicyId() != null) policies.add(nc.getPolicyId());
          }
          if (t.getSqlTask() != null && t.getSqlTask().getWarehouseId() != null) {
            warehouses.add(t.getSqlTask().getWarehouseId());
          }
        }
      }
    }
    return new JobReferences(clusters, pools, policies, warehouses);
  }

  public boolean usesAllPurposeCluster() {
    return !existingClusterIds.isEmpty();
  }
}
