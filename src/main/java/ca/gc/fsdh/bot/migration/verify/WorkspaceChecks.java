package ca.gc.fsdh.bot.migration.verify;

import ca.gc.fsdh.bot.migration.bundle.JournalEntry;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.notebooks.WorkspaceItem;
import ca.gc.fsdh.bot.migration.repos.RepoExporter.RepoItem;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.service.workspace.ExportFormat;
import com.databricks.sdk.service.workspace.ExportRequest;
import com.databricks.sdk.service.workspace.GetStatusRequest;
import com.databricks.sdk.service.workspace.ListReposRequest;
import com.databricks.sdk.service.workspace.ObjectInfo;
import com.databricks.sdk.service.workspace.RepoInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Checks of workspace objects (notebooks, files, directories) and of repos. */
final class WorkspaceChecks {
  private WorkspaceChecks() {}

  /**
   * Notebook source is compared after normalising what the service rewrites (line endings and
   * trailing blank lines); files byte for byte; JUPYTER notebooks by presence and language only
   * (the service re-serialises the JSON).
   */
  static String normalise(byte[] source) {
    return new String(source, StandardCharsets.UTF_8).replace("\r\n", "\n").stripTrailing();
  }

  static final class Notebooks implements Verifier.TypeCheck {
    @Override
    public ResourceType type() {
      return ResourceType.NOTEBOOKS;
    }

    @Override
    public void check(Verifier.Run run, JournalEntry e) {
      WorkspaceItem item = Verifier.record(e, WorkspaceItem.class);
      String path = run.mapping().path(item.path());
      run.check(
          "notebooks",
          item.path(),
          path,
          () -> {
            ObjectInfo o;
            try {
              o = run.target().workspace().getStatus(new GetStatusRequest().setPath(path));
            } catch (NotFound missing) {
              return ItemCheck.missing("notebooks", item.path(), path);
            }
            var diffs = new ArrayList<String>();
            if (!item.objectType().equals(String.valueOf(o.getObjectType()))) {
              diffs.add("is a " + o.getObjectType() + ", expected a " + item.objectType());
              return ItemCheck.of("notebooks", item.path(), path, diffs);
            }
            var status = ItemCheck.Status.MATCH;
            if ("NOTEBOOK".equals(item.objectType())) {
              if (!Objects.equals(item.language(), String.valueOf(o.getLanguage())))
                diffs.add("language " + o.getLanguage() + ", expected " + item.language());
              if ("JUPYTER".equals(item.format())) {
                status = ItemCheck.Status.PARTLY_CHECKED;
              } else {
                byte[] actual = export(run, path, ExportFormat.SOURCE);
                byte[] expected = Files.readAllBytes(run.bundle().file(item.file()));
                if (!normalise(actual).equals(normalise(expected)))
                  diffs.add(
                      "source differs from the bundle ("
                          + expected.length
                          + " bytes in the bundle, "
                          + actual.length
                          + " in the target)");
              }
            } else if ("FILE".equals(item.objectType())) {
              byte[] actual = export(run, path, ExportFormat.AUTO);
              byte[] expected = Files.readAllBytes(run.bundle().file(item.file()));
              if (!Arrays.equals(actual, expected))
                diffs.add(
                    "content differs from the bundle ("
                        + expected.length
                        + " bytes expected, "
                        + actual.length
                        + " in the target)");
            }
            String permType =
                switch (item.objectType()) {
                  case "DIRECTORY" -> "directories";
                  case "FILE" -> "files";
                  default -> "notebooks";
                };
            diffs.addAll(
                run.permissions(permType, String.valueOf(o.getObjectId()), item.permissions()));
            if (!diffs.isEmpty()) return ItemCheck.of("notebooks", item.path(), path, diffs);
            return status == ItemCheck.Status.MATCH
                ? ItemCheck.of("notebooks", item.path(), path, diffs)
                : new ItemCheck(
                    "notebooks",
                    item.path(),
                    path,
                    status,
                    List.of("JUPYTER notebook: present with its language; cells not compared"));
          });
    }

    private static byte[] export(Verifier.Run run, String path, ExportFormat format) {
      String content =
          run.target()
              .workspace()
              .export(new ExportRequest().setPath(path).setFormat(format))
              .getContent();
      return content == null ? new byte[0] : Base64.getMimeDecoder().decode(content);
    }
  }

  static final class Repos implements Verifier.TypeCheck {
    private final Map<String, RepoInfo> byPath = new ConcurrentHashMap<>();

    @Override
    public ResourceType type() {
      return ResourceType.REPOS;
    }

    @Override
    public void prepare(Verifier.Run run) {
      for (RepoInfo r : run.target().repos().list(new ListReposRequest()))
        byPath.put(r.getPath(), r);
    }

    @Override
    public void check(Verifier.Run run, JournalEntry e) {
      RepoItem item = Verifier.record(e, RepoItem.class);
      String path = run.mapping().path(item.path());
      run.check(
          "repos",
          item.path(),
          path,
          () -> {
            RepoInfo r = byPath.get(path);
            if (r == null) return ItemCheck.missing("repos", item.path(), path);
            var diffs = new ArrayList<String>();
            if (!Objects.equals(item.url(), r.getUrl()))
              diffs.add("URL " + r.getUrl() + ", expected " + item.url());
            if (!Objects.equals(item.branch(), r.getBranch()))
              diffs.add("branch " + r.getBranch() + ", expected " + item.branch());
            if (item.provider() != null
                && !item.provider().equalsIgnoreCase(String.valueOf(r.getProvider())))
              diffs.add("provider " + r.getProvider() + ", expected " + item.provider());
            diffs.addAll(run.permissions("repos", String.valueOf(r.getId()), item.permissions()));
            return ItemCheck.of("repos", item.path(), path, diffs);
          });
    }
  }
}
