package ca.gc.fsdh.bot.migration.repos;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.bundle.FileRef;
import ca.gc.fsdh.bot.migration.bundle.JournalEntry;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.spi.ExportContext;
import ca.gc.fsdh.bot.migration.spi.PermissionGrant;
import ca.gc.fsdh.bot.migration.spi.PermissionReader;
import ca.gc.fsdh.bot.migration.spi.ResourceExporter;
import com.databricks.sdk.service.workspace.ListReposRequest;
import com.databricks.sdk.service.workspace.RepoInfo;
import java.util.List;

/**
 * Exports Repos (Git folders) to {@code repos/<id>.json}: URL, provider, branch, path, head commit,
 * sparse checkout and direct permissions. The SDK's iterator follows {@code next_page_token}, so
 * every page is read (20 repos a page), not only the first.
 */
public final class RepoExporter implements ResourceExporter {
  /** What the importer must know: the target needs Git credentials, and local changes are lost. */
  public static final String NOTE =
      "the target workspace needs Git credentials for this provider;"
          + " uncommitted changes in POC are not reachable through the API";

  /** The journal record and bundle file of one repo. */
  public record RepoItem(
      long id,
      String path,
      String url,
      String provider,
      String branch,
      String headCommitId,
      List<String> sparseCheckoutPatterns,
      List<PermissionGrant> permissions,
      String note) {}

  @Override
  public ResourceType type() {
    return ResourceType.REPOS;
  }

  @Override
  public void export(ExportContext ctx) throws Exception {
    var permissions = new PermissionReader(ctx);
    try (var loop = ctx.loop(type())) {
      ctx.eachListed(
          type(),
          "repos",
          () -> ctx.workspace().repos().list(new ListReposRequest()),
          (RepoInfo r) -> loop.item(String.valueOf(r.getId()), () -> repo(ctx, permissions, r)));
      loop.finish();
    }
  }

  private JournalEntry repo(ExportContext ctx, PermissionReader permissions, RepoInfo r)
      throws Exception {
    var sparse =
        r.getSparseCheckout() == null || r.getSparseCheckout().getPatterns() == null
            ? List.<String>of()
            : List.copyOf(r.getSparseCheckout().getPatterns());
    var item =
        new RepoItem(
            r.getId(),
            r.getPath(),
            r.getUrl(),
            r.getProvider(),
            r.getBranch(),
            r.getHeadCommitId(),
            sparse,
            permissions.direct("repos", String.valueOf(r.getId())),
            NOTE);
    FileRef file = ctx.bundle().writeJson("repos/" + r.getId() + ".json", item);
    return JournalEntry.exported(
        type(), String.valueOf(r.getId()), List.of(file), BundleJson.MAPPER.valueToTree(item));
  }
}
