package ca.gc.fsdh.bot.migration.verify;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.bundle.JournalEntry;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.jobs.JobImporter;
import ca.gc.fsdh.bot.migration.jobs.JobSettingsMapper;
import ca.gc.fsdh.bot.migration.spi.PermissionGrant;
import com.databricks.sdk.mixin.JobsExt;
import com.databricks.sdk.service.jobs.GetJobRequest;
import com.databricks.sdk.service.jobs.ListJobsRequest;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Jobs: found by their POC id tag; settings equal to the bundle's once mapped (the same mapping the
 * import applied).
 */
final class JobChecks implements Verifier.TypeCheck {
  private Map<Long, Long> byPocId;

  @Override
  public ResourceType type() {
    return ResourceType.JOBS;
  }

  @Override
  public void prepare(Verifier.Run run) {
    byPocId = JobImporter.byPocId(run.target(), new ListJobsRequest());
  }

  @Override
  public void check(Verifier.Run run, JournalEntry e) {
    long pocId = Long.parseLong(e.id());
    String name = e.record().path("name").asText();
    run.check(
        "jobs",
        e.id() + " " + name,
        "?",
        () -> {
          Long id = byPocId.get(pocId);
          if (id == null)
            return ItemCheck.missing(
                "jobs",
                e.id() + " " + name,
                "a job tagged " + JobSettingsMapper.POC_ID_TAG + "=" + pocId);
          JsonNode item = run.bundle().json(e.record().path("file").asText(), JsonNode.class);
          var mapped = new JobSettingsMapper(run.mapping()).map(item.path("settings"), pocId);
          var diffs =
              new ArrayList<String>(
                  mapped.unmapped().stream().map(u -> "cannot map: " + u).toList());
          var actual =
              BundleJson.MAPPER.valueToTree(
                  new JobsExt(run.target().apiClient())
                      .get(new GetJobRequest().setJobId(id))
                      .getSettings());
          JsonSubset.compare(mapped.settings(), actual, "settings", diffs);
          if (item.hasNonNull("permissions")) {
            List<PermissionGrant> acl =
                BundleJson.MAPPER.convertValue(
                    item.get("permissions"), new TypeReference<List<PermissionGrant>>() {});
            diffs.addAll(run.permissions("jobs", String.valueOf(id), acl));
          }
          return ItemCheck.of("jobs", e.id() + " " + name, "job " + id, diffs);
        });
  }
}
