package ca.gc.fsdh.bot.migration.notebooks;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.bundle.FileRef;
import ca.gc.fsdh.bot.migration.bundle.JournalEntry;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.spi.ExportContext;
import ca.gc.fsdh.bot.migration.spi.ItemLoop;
import ca.gc.fsdh.bot.migration.spi.NotebookFormat;
import ca.gc.fsdh.bot.migration.spi.PermissionReader;
import ca.gc.fsdh.bot.migration.spi.ResourceExporter;
import ca.gc.fsdh.bot.migration.spi.WorkQueue;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.service.workspace.ExportFormat;
import com.databricks.sdk.service.workspace.ExportRequest;
import com.databricks.sdk.service.workspace.ListWorkspaceRequest;
import com.databricks.sdk.service.workspace.ObjectInfo;
import com.databricks.sdk.service.workspace.ObjectType;
import java.nio.file.FileSystemException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Exports notebooks, workspace files and directories, with their direct object permissions.
 *
 * <p>{@code workspace().list} is neither recursive nor paged, so the tree is walked here: each
 * directory is listed by a small pool of walkers, which hand notebooks and files to the item
 * workers through a bounded queue. Only one directory listing per walker and one notebook per
 * worker is in memory at a time. Repos are left to the repos exporter; Trash is skipped.
 */
public final class NotebookExporter implements ResourceExporter {
  /** The export API refuses objects over 10 MB. */
  public static final long MAX_EXPORT_BYTES = 10L * 1024 * 1024;

  @Override
  public ResourceType type() {
    return ResourceType.NOTEBOOKS;
  }

  @Override
  public void export(ExportContext ctx) throws Exception {
    var permissions = new PermissionReader(ctx);
    try (var items = ctx.loop(type());
        var walkers = new WorkQueue("walk", 4, Integer.MAX_VALUE, ctx.fatal())) {
      var walk = new Walk(ctx, permissions, items, walkers);
      walkers.submit(() -> walk.list("/"));
      walkers.await();
      items.finish();
    }
  }

  private record Walk(
      ExportContext ctx,
      PermissionReader permissions,
      ItemLoop<ExportContext.ItemWork> items,
      WorkQueue walkers) {
    void list(String dir) {
      Iterable<ObjectInfo> children;
      try {
        children = ctx.workspace().workspace().list(new ListWorkspaceRequest().setPath(dir));
        for (ObjectInfo o : children) dispatch(o);
        ctx.listed(ResourceType.NOTEBOOKS, dir);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (RuntimeException e) {
        if (Thread.currentThread().isInterrupted()) throw e;
        // the folder cannot be listed: one failed item, the walk goes on elsewhere
        ctx.listingFailed(ResourceType.NOTEBOOKS, dir, e);
      }
    }

    void dispatch(ObjectInfo o) throws InterruptedException {
      String path = o.getPath();
      switch (o.getObjectType()) {
        case DIRECTORY -> {
          if (WorkspaceLayout.isTrash(path)) {
            ctx.record(
                JournalEntry.skipped(ResourceType.NOTEBOOKS, path, "Trash is not exported", null));
            return;
          }
          items.item(path, () -> directory(o));
          walkers.submit(() -> list(path));
        }
        case NOTEBOOK, FILE -> {
          items.item(path, () -> content(o));
        }
        case REPO -> {
          /* exported with repos */
        }
        case LIBRARY ->
            ctx.record(
                JournalEntry.skipped(
                    ResourceType.NOTEBOOKS,
                    path,
                    "workspace library: reinstall it by hand (listed in "
                        + WorkspaceLayout.WORKSPACE_LIBRARIES
                        + ")",
                    BundleJson.MAPPER
                        .createObjectNode()
                        .put("path", path)
                        .put("objectType", "LIBRARY")
                        .put("objectId", o.getObjectId())));
        case DASHBOARD ->
            ctx.record(
                JournalEntry.skipped(
                    ResourceType.NOTEBOOKS,
                    path,
                    "dashboards are not one of the six migrated resource types",
                    null));
      }
    }

    JournalEntry directory(ObjectInfo o) {
      var acl = permissions.direct("directories", String.valueOf(o.getObjectId()));
      var item =
          new WorkspaceItem(o.getPath(), "DIRECTORY", null, o.getObjectId(), null, null, null, acl);
      return JournalEntry.exported(
          ResourceType.NOTEBOOKS, o.getPath(), List.of(), BundleJson.MAPPER.valueToTree(item));
    }

    JournalEntry content(ObjectInfo o) throws Exception {
      boolean notebook = o.getObjectType() == ObjectType.NOTEBOOK;
      String path = o.getPath();
      if (o.getSize() != null && o.getSize() > MAX_EXPORT_BYTES) {
        return tooBig(path, o.getSize());
      }
      NotebookFormat nf = ctx.options().format();
      ExportFormat format =
          !notebook
              ? ExportFormat.AUTO
              : nf == NotebookFormat.JUPYTER ? ExportFormat.JUPYTER : ExportFormat.SOURCE;
      String encoded;
      try {
        encoded =
            ctx.workspace()
                .workspace()
                .export(new ExportRequest().setPath(path).setFormat(format))
                .getContent();
      } catch (DatabricksError e) {
        if (isSizeLimit(e)) return tooBig(path, o.getSize());
        throw e;
      }
      byte[] bytes = encoded == null ? new byte[0] : Base64.getMimeDecoder().decode(encoded);
      encoded = null; // let the base64 text go before the permissions call
      String file =
          notebook
              ? WorkspaceLayout.notebookFile(path, o.getLanguage(), nf)
              : WorkspaceLayout.workspaceFile(path);
      FileRef ref;
      try {
        ref = ctx.bundle().write(file, bytes);
      } catch (FileSystemException e) {
        // e.g. a notebook etl (etl.py) beside a folder etl.py, or a name too long for the file
        // system
        throw new IllegalStateException(
            "cannot be written to the bundle as "
                + file
                + " ("
                + e.getClass().getSimpleName()
                + (e.getReason() == null ? "" : ": " + e.getReason())
                + "); the other objects are exported",
            e);
      }
      var acl =
          permissions.direct(notebook ? "notebooks" : "files", String.valueOf(o.getObjectId()));
      var item =
          new WorkspaceItem(
              path,
              notebook ? "NOTEBOOK" : "FILE",
              o.getLanguage() == null ? null : o.getLanguage().toString(),
              o.getObjectId(),
              notebook ? nf.name() : "RAW",
              ref.path(),
              ref.size(),
              acl);
      return JournalEntry.exported(
          ResourceType.NOTEBOOKS, path, List.of(ref), BundleJson.MAPPER.valueToTree(item));
    }

    private static JournalEntry tooBig(String path, Long size) {
      return JournalEntry.skipped(
          ResourceType.NOTEBOOKS,
          path,
          "over the 10 MB export limit"
              + (size == null ? "" : " (" + size + " bytes)")
              + ": copy it by hand (e.g. split it, or move data out of the notebook)",
          null);
    }

    private static boolean isSizeLimit(DatabricksError e) {
      String code = String.valueOf(e.getErrorCode());
      String msg = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
      return code.contains("MAX_NOTEBOOK_SIZE_EXCEEDED")
          || code.contains("RESOURCE_EXHAUSTED")
          || msg.contains("10 mb")
          || msg.contains("10mb")
          || msg.contains("size exceeds")
          || msg.contains("too large");
    }
  }
}
