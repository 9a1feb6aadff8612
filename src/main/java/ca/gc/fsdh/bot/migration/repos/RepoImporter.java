package ca.gc.fsdh.bot.migration.repos;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.item.ImportOutcome;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.repos.RepoExporter.RepoItem;
import ca.gc.fsdh.bot.migration.spi.ExistingPolicy;
import ca.gc.fsdh.bot.migration.spi.ImportContext;
import ca.gc.fsdh.bot.migration.spi.ImportContext.Done;
import ca.gc.fsdh.bot.migration.spi.PermissionWriter;
import ca.gc.fsdh.bot.migration.spi.ResourceImporter;
import com.databricks.sdk.service.workspace.CreateRepoRequest;
import com.databricks.sdk.service.workspace.ListReposRequest;
import com.databricks.sdk.service.workspace.Mkdirs;
import com.databricks.sdk.service.workspace.RepoInfo;
import com.databricks.sdk.service.workspace.SparseCheckout;
import com.databricks.sdk.service.workspace.SparseCheckoutUpdate;
import com.databricks.sdk.service.workspace.UpdateRepoRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recreates Repos (Git folders) at their mapped path, found again by path: URL, provider, sparse
 * checkout, then the branch. The clone itself needs Git credentials in the target, which the report
 * says for every repo.
 */
public final class RepoImporter implements ResourceImporter {
  @Override
  public ResourceType type() {
    return ResourceType.REPOS;
  }

  @Override
  public void importAll(ImportContext ctx) throws Exception {
    Map<String, RepoInfo> byPath = new ConcurrentHashMap<>();
    for (RepoInfo r : ctx.target().repos().list(new ListReposRequest())) byPath.put(r.getPath(), r);
    var permissions = new PermissionWriter(ctx.target(), ctx.mapping());
    ctx.eachItem(
        type(),
        e -> {
          RepoItem item = BundleJson.MAPPER.treeToValue(e.record(), RepoItem.class);
          return resuming -> repo(ctx, permissions, byPath, item, resuming);
        });
  }

  private Done repo(
      ImportContext ctx,
      PermissionWriter permissions,
      Map<String, RepoInfo> byPath,
      RepoItem item,
      boolean resuming) {
    String path = ctx.mapping().path(item.path());
    var repos = ctx.target().repos();
    RepoInfo existing = byPath.get(path);
    if (existing == null && resuming) {
      // an earlier attempt may have created it before failing
      for (RepoInfo r : repos.list(new ListReposRequest().setPathPrefix(path)))
        if (path.equals(r.getPath())) existing = r;
    }
    var notes = new ArrayList<String>();
    notes.add(
        "PROD needs Git credentials for "
            + item.provider()
            + " to pull; uncommitted POC changes were not migrated");
    if (existing != null && ctx.policy(type()) == ExistingPolicy.SKIP && !resuming) {
      return new Done(
          ImportOutcome.SKIPPED,
          String.valueOf(existing.getId()),
          List.of("already in the target"));
    }
    if (ctx.dryRun())
      return new Done(
          existing == null ? ImportOutcome.CREATED : ImportOutcome.OVERWRITTEN, path, notes);
    ImportOutcome outcome;
    RepoInfo repo;
    if (existing == null) {
      String parent = path.substring(0, path.lastIndexOf('/'));
      if (!parent.isEmpty()) ctx.target().workspace().mkdirs(new Mkdirs().setPath(parent));
      var create =
          new CreateRepoRequest().setUrl(item.url()).setProvider(item.provider()).setPath(path);
      if (item.sparseCheckoutPatterns() != null && !item.sparseCheckoutPatterns().isEmpty()) {
        create.setSparseCheckout(new SparseCheckout().setPatterns(item.sparseCheckoutPatterns()));
      }
      var created = repos.create(create);
      repo =
          new RepoInfo()
              .setId(created.getId())
              .setPath(created.getPath())
              .setBranch(created.getBranch());
      byPath.put(path, repo);
      outcome = ImportOutcome.CREATED;
    } else {
      repo = existing;
      outcome = ImportOutcome.OVERWRITTEN;
      if (item.sparseCheckoutPatterns() != null && !item.sparseCheckoutPatterns().isEmpty()) {
        repos.update(
            new UpdateRepoRequest()
                .setRepoId(repo.getId())
                .setSparseCheckout(
                    new SparseCheckoutUpdate().setPatterns(item.sparseCheckoutPatterns())));
      }
    }
    if (item.branch() != null && !Objects.equals(item.branch(), repo.getBranch())) {
      repos.update(new UpdateRepoRequest().setRepoId(repo.getId()).setBranch(item.branch()));
    }
    if (ctx.options().permissions()) {
      String note = permissions.apply("repos", String.valueOf(repo.getId()), item.permissions());
      if (note != null) notes.add(note);
    }
    return new Done(outcome, String.valueOf(repo.getId()), notes);
  }
}
