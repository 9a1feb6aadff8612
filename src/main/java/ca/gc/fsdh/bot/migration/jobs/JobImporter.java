package ca.gc.fsdh.bot.migration.jobs;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.item.ImportOutcome;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.spi.ExistingPolicy;
import ca.gc.fsdh.bot.migration.spi.ImportContext;
import ca.gc.fsdh.bot.migration.spi.ImportContext.Done;
import ca.gc.fsdh.bot.migration.spi.PermissionGrant;
import ca.gc.fsdh.bot.migration.spi.PermissionWriter;
import ca.gc.fsdh.bot.migration.spi.ResourceImporter;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.mixin.JobsExt;
import com.databricks.sdk.service.jobs.BaseJob;
import com.databricks.sdk.service.jobs.CreateJob;
import com.databricks.sdk.service.jobs.JobSettings;
import com.databricks.sdk.service.jobs.ListJobsRequest;
import com.databricks.sdk.service.jobs.ResetJob;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates (or resets) each job in the target with {@link JobSettingsMapper}'s settings. A job is
 * found again by the {@value JobSettingsMapper#POC_ID_TAG} tag, so a rerun, or a retry after an
 * ambiguous server error, never creates it twice. A job whose references cannot be mapped is not
 * created: it fails with the list of what to add to the mapping file.
 */
public final class JobImporter implements ResourceImporter {
  @Override
  public ResourceType type() {
    return ResourceType.JOBS;
  }

  /** Target jobs by the POC id in their tag. */
  public static Map<Long, Long> byPocId(WorkspaceClient target, ListJobsRequest request) {
    var out = new ConcurrentHashMap<Long, Long>();
    for (BaseJob j : new JobsExt(target.apiClient()).list(request.setExpandTasks(false))) {
      pocId(j).ifPresent(id -> out.put(id, j.getJobId()));
    }
    return out;
  }

  private static Optional<Long> pocId(BaseJob j) {
    if (j.getSettings() == null || j.getSettings().getTags() == null) return Optional.empty();
    String v = j.getSettings().getTags().get(JobSettingsMapper.POC_ID_TAG);
    try {
      return v == null ? Optional.empty() : Optional.of(Long.parseLong(v));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public void importAll(ImportContext ctx) throws Exception {
    Map<Long, Long> existing = byPocId(ctx.target(), new ListJobsRequest());
    var mapper = new JobSettingsMapper(ctx.mapping());
    var permissions = new PermissionWriter(ctx.target(), ctx.mapping());
    ctx.eachItem(
        type(),
        e -> {
          String file = e.record().path("file").asText();
          long pocId = Long.parseLong(e.id());
          return resuming -> job(ctx, mapper, permissions, existing, file, pocId, resuming);
        });
  }

  private Done job(
      ImportContext ctx,
      JobSettingsMapper mapper,
      PermissionWriter permissions,
      Map<Long, Long> existing,
      String file,
      long pocId,
      boolean resuming)
      throws Exception {
    JsonNode item = ctx.bundle().json(file, JsonNode.class);
    var mapped = mapper.map(item.path("settings"), pocId);
    if (!mapped.unmapped().isEmpty()) {
      throw new UnmappedException(
          "not created, cannot map: " + String.join("; ", mapped.unmapped()));
    }
    var jobs = new JobsExt(ctx.target().apiClient());
    Long targetId = existing.get(pocId);
    if (targetId == null && resuming) {
      String name = mapped.settings().path("name").asText(null);
      targetId = byPocId(ctx.target(), new ListJobsRequest().setName(name)).get(pocId);
    }
    var notes = new ArrayList<>(mapped.notes());
    if (targetId != null && ctx.policy(type()) == ExistingPolicy.SKIP && !resuming) {
      return new Done(
          ImportOutcome.SKIPPED, String.valueOf(targetId), List.of("already in the target"));
    }
    if (ctx.dryRun())
      return new Done(
          targetId == null ? ImportOutcome.CREATED : ImportOutcome.OVERWRITTEN, null, notes);
    ImportOutcome outcome;
    if (targetId == null) {
      targetId =
          jobs.create(BundleJson.MAPPER.treeToValue(mapped.settings(), CreateJob.class)).getJobId();
      existing.put(pocId, targetId);
      outcome = ImportOutcome.CREATED;
    } else {
      jobs.reset(
          new ResetJob()
              .setJobId(targetId)
              .setNewSettings(BundleJson.MAPPER.treeToValue(mapped.settings(), JobSettings.class)));
      outcome = ImportOutcome.OVERWRITTEN;
    }
    if (ctx.options().permissions()
        && item.has("permissions")
        && !item.get("permissions").isNull()) {
      List<PermissionGrant> acl =
          BundleJson.MAPPER.convertValue(
              item.get("permissions"), new TypeReference<List<PermissionGrant>>() {});
      String note = permissions.apply("jobs", String.valueOf(targetId), acl);
      if (note != null) notes.add(note);
    }
    return new Done(outcome, String.valueOf(targetId), notes);
  }

  /** A job that references something the mapping cannot resolve; not retried within a run. */
  static final class UnmappedException extends IllegalStateException {
    UnmappedException(String message) {
      super(message);
    }
  }
}
