package ca.gc.fsdh.bot.migration.notebooks;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.bundle.JournalEntry;
import ca.gc.fsdh.bot.migration.item.ImportOutcome;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.spi.ExistingPolicy;
import ca.gc.fsdh.bot.migration.spi.ImportContext;
import ca.gc.fsdh.bot.migration.spi.ImportContext.Done;
import ca.gc.fsdh.bot.migration.spi.PermissionWriter;
import ca.gc.fsdh.bot.migration.spi.ResourceImporter;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.core.error.platform.ResourceAlreadyExists;
import com.databricks.sdk.service.workspace.GetStatusRequest;
import com.databricks.sdk.service.workspace.Import;
import com.databricks.sdk.service.workspace.ImportFormat;
import com.databricks.sdk.service.workspace.Language;
import com.databricks.sdk.service.workspace.Mkdirs;
import com.databricks.sdk.service.workspace.ObjectInfo;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Imports directories first (all of them, so every parent exists), then notebooks and workspace
 * files, each under its mapped path. An existing notebook is overwritten or skipped by policy; for
 * a new one a single import call is made (no status call first), which keeps the import at the pace
 * of the import rate limit.
 */
public final class NotebookImporter implements ResourceImporter {
  @Override
  public ResourceType type() {
    return ResourceType.NOTEBOOKS;
  }

  @Override
  public void importAll(ImportContext ctx) throws Exception {
    var permissions = new PermissionWriter(ctx.target(), ctx.mapping());
    ctx.eachItem(
        type(),
        e -> e.record() != null && isDirectory(e),
        e -> {
          WorkspaceItem item = BundleJson.MAPPER.treeToValue(e.record(), WorkspaceItem.class);
          return resuming -> directory(ctx, permissions, item);
        });
    ctx.eachItem(
        type(),
        e -> e.record() != null && !isDirectory(e),
        e -> {
          WorkspaceItem item = BundleJson.MAPPER.treeToValue(e.record(), WorkspaceItem.class);
          return resuming -> content(ctx, permissions, item, resuming);
        });
  }

  private static boolean isDirectory(JournalEntry e) {
    return "DIRECTORY".equals(e.record().path("objectType").asText());
  }

  private Done directory(ImportContext ctx, PermissionWriter permissions, WorkspaceItem item) {
    String path = ctx.mapping().path(item.path());
    Optional<ObjectInfo> existing = status(ctx, path);
    if (ctx.dryRun())
      return Done.of(existing.isPresent() ? ImportOutcome.SKIPPED : ImportOutcome.CREATED, path);
    if (existing.isEmpty()) ctx.target().workspace().mkdirs(new Mkdirs().setPath(path));
    var notes = new ArrayList<String>();
    if (ctx.options().permissions()
        && item.permissions() != null
        && !item.permissions().isEmpty()) {
      long id =
          existing.isPresent()
              ? existing.get().getObjectId()
              : status(ctx, path).orElseThrow().getObjectId();
      notes.add(permissions.apply("directories", String.valueOf(id), item.permissions()));
    }
    return new Done(
        existing.isPresent() ? ImportOutcome.SKIPPED : ImportOutcome.CREATED, path, notes);
  }

  private Done content(
      ImportContext ctx, PermissionWriter permissions, WorkspaceItem item, boolean resuming)
      throws Exception {
    String path = ctx.mapping().path(item.path());
    boolean notebook = "NOTEBOOK".equals(item.objectType());
    var notes = new ArrayList<String>();
    if (!path.equals(item.path())) notes.add("path mapped to " + path);
    ExistingPolicy policy = ctx.policy(type());
    if (ctx.dryRun() || (policy == ExistingPolicy.SKIP && !resuming)) {
      boolean exists = status(ctx, path).isPresent();
      if (exists && policy == ExistingPolicy.SKIP && !resuming)
        return new Done(ImportOutcome.SKIPPED, path, List.of("already in the target"));
      if (ctx.dryRun())
        return new Done(exists ? ImportOutcome.OVERWRITTEN : ImportOutcome.CREATED, path, notes);
    }
    var request = request(ctx, item, path, notebook);
    ImportOutcome outcome = ImportOutcome.CREATED;
    try {
      ctx.target().workspace().importContent(request.setOverwrite(false));
    } catch (ResourceAlreadyExists exists) {
      ctx.target().workspace().importContent(request.setOverwrite(true));
      outcome = ImportOutcome.OVERWRITTEN;
    }
    if (ctx.options().permissions()
        && item.permissions() != null
        && !item.permissions().isEmpty()) {
      long id = status(ctx, path).orElseThrow().getObjectId();
      notes.add(
          permissions.apply(
              notebook ? "notebooks" : "files", String.valueOf(id), item.permissions()));
    }
    return new Done(outcome, path, notes);
  }

  private static Import request(
      ImportContext ctx, WorkspaceItem item, String path, boolean notebook) throws Exception {
    byte[] bytes = Files.readAllBytes(ctx.bundle().file(item.file()));
    var r = new Import().setPath(path).setContent(Base64.getEncoder().encodeToString(bytes));
    if (!notebook) return r.setFormat(ImportFormat.RAW);
    if ("JUPYTER".equals(item.format())) return r.setFormat(ImportFormat.JUPYTER);
    return r.setFormat(ImportFormat.SOURCE).setLanguage(Language.valueOf(item.language()));
  }

  static Optional<ObjectInfo> status(ImportContext ctx, String path) {
    try {
      return Optional.of(ctx.target().workspace().getStatus(new GetStatusRequest().setPath(path)));
    } catch (NotFound e) {
      return Optional.empty();
    }
  }
}
