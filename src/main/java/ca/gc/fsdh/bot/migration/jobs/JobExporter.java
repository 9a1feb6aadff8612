package ca.gc.fsdh.bot.migration.jobs;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.bundle.FileRef;
import ca.gc.fsdh.bot.migration.bundle.JournalEntry;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.spi.ExportContext;
import ca.gc.fsdh.bot.migration.spi.PermissionGrant;
import ca.gc.fsdh.bot.migration.spi.PermissionReader;
import ca.gc.fsdh.bot.migration.spi.ResourceExporter;
import com.databricks.sdk.mixin.JobsExt;
import com.databricks.sdk.service.jobs.BaseJob;
import com.databricks.sdk.service.jobs.GetJobRequest;
import com.databricks.sdk.service.jobs.Job;
import com.databricks.sdk.service.jobs.JobSettings;
import com.databricks.sdk.service.jobs.ListJobsRequest;
import java.util.List;

/**
 * Exports jobs to {@code jobs/<job_id>.json}: complete settings with every task, direct
 * permissions, and the references that do not exist in another workspace.
 *
 * <p>{@code jobs()} returns the plain API, whose {@code get} stops at 100 tasks; {@link JobsExt}
 * follows the task pages. The list is read without tasks and each job fetched whole.
 */
public final class JobExporter implements ResourceExporter {
  /** One exported job: settings exactly as the Jobs API 2.2 spells them. */
  public record JobItem(
      long jobId,
      String creatorUserName,
      String runAsUserName,
      JobSettings settings,
      List<PermissionGrant> permissions,
      JobReferences references) {}

  @Override
  public ResourceType type() {
    return ResourceType.JOBS;
  }

  @Override
  public void export(ExportContext ctx) throws Exception {
    var jobs = new JobsExt(ctx.workspace().apiClient());
    var permissions = new PermissionReader(ctx);
    try (var loop = ctx.loop(type())) {
      ctx.eachListed(
          type(),
          "jobs",
          () -> jobs.list(new ListJobsRequest().setExpandTasks(false)),
          (BaseJob j) -> {
            long id = j.getJobId();
            loop.item(String.valueOf(id), () -> job(ctx, jobs, permissions, id));
          });
      loop.finish();
    }
  }

  private JournalEntry job(ExportContext ctx, JobsExt jobs, PermissionReader permissions, long id)
      throws Exception {
    Job job = jobs.get(new GetJobRequest().setJobId(id));
    var item =
        new JobItem(
            id,
            job.getCreatorUserName(),
            job.getRunAsUserName(),
            job.getSettings(),
            permissions.direct("jobs", String.valueOf(id)),
            JobReferences.of(job.getSettings()));
    FileRef file = ctx.bundle().writeJson("jobs/" + id + ".json", item);
    var record =
        BundleJson.MAPPER
            .createObjectNode()
            .put("job_id", id)
            .put("name", job.getSettings() == null ? null : job.getSettings().getName())
            .put(
                "tasks",
                job.getSettings() == null || job.getSettings().getTasks() == null
                    ? 0
                    : job.getSettings().getTasks().size())
            .put("file", file.path());
    record.set("references", BundleJson.MAPPER.valueToTree(item.references()));
    return JournalEntry.exported(type(), String.valueOf(id), List.of(file), record);
  }
}
