package ca.gc.fsdh.bot.migration.models;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.bundle.FileRef;
import ca.gc.fsdh.bot.migration.bundle.JournalEntry;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.spi.ExportContext;
import ca.gc.fsdh.bot.migration.spi.PermissionGrant;
import ca.gc.fsdh.bot.migration.spi.PermissionReader;
import ca.gc.fsdh.bot.migration.spi.ResourceExporter;
import com.databricks.sdk.service.ml.GetModelRequest;
import com.databricks.sdk.service.ml.GetModelVersionDownloadUriRequest;
import com.databricks.sdk.service.ml.Model;
import com.databricks.sdk.service.ml.ModelDatabricks;
import com.databricks.sdk.service.ml.ModelVersion;
import com.databricks.sdk.service.ml.SearchModelVersionsRequest;
import com.databricks.sdk.service.ml.SearchModelsRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Exports the workspace MLflow model registry: each model ({@code models/<name>/model.json}: tags,
 * description, direct permissions, its versions) is one item, and each version ({@code
 * models/<name>/<version>/version.json} with stage, tags, source, run id, and its artifact bytes
 * under {@code artifacts/}) is another, so a large artifact that fails does not cost the model's
 * other versions.
 */
public final class ModelExporter implements ResourceExporter {
  /** One exported model; versions are listed by number, each exported as its own item. */
  public record ModelItem(
      String name,
      String id,
      String description,
      Object tags,
      List<PermissionGrant> permissions,
      List<String> versions) {}

  @Override
  public ResourceType type() {
    return ResourceType.MODELS;
  }

  public static String folder(String model) {
    return "models/" + URLEncoder.encode(model, StandardCharsets.UTF_8);
  }

  @Override
  public void export(ExportContext ctx) throws Exception {
    var permissions = new PermissionReader(ctx);
    var artifacts = new ArtifactCopier(ctx.workspace());
    var registry = ctx.workspace().modelRegistry();
    try (var loop = ctx.loop(type())) {
      ctx.eachListed(
          type(),
          "models",
          () -> registry.searchModels(new SearchModelsRequest()),
          (Model m) -> {
            String name = m.getName();
            ctx.discovered(type());
            loop.submit(() -> {
              var versions = new ArrayList<ModelVersion>();
              try {
                registry
                    .searchModelVersions(
                        new SearchModelVersionsRequest()
                            .setFilter("name='" + name.replace("'", "\\'") + "'"))
                    .forEach(versions::add);
              } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) throw e;
                // the model is the failed item: without its versions it cannot be complete
                ctx.item(
                    type(),
                    name,
                    () -> {
                      throw new IllegalStateException(
                          "cannot list versions: " + ExportContext.reason(e));
                    });
                return;
              }
              ctx.item(type(), name, () -> model(ctx, permissions, name, versions));
              for (ModelVersion v : versions) {
                ctx.discovered(type());
                ctx.item(type(), name + "/" + v.getVersion(), () -> version(ctx, artifacts, v));
              }
            });
          });
      loop.finish();
    }
  }

  private JournalEntry model(
      ExportContext ctx, PermissionReader permissions, String name, List<ModelVersion> versions)
      throws Exception {
    ModelDatabricks m =
        ctx.workspace()
            .modelRegistry()
            .getModel(new GetModelRequest().setName(name))
            .getRegisteredModelDatabricks();
    var acl =
        m.getId() == null
            ? List.<PermissionGrant>of()
            : permissions.direct("registered-models", m.getId());
    var item =
        new ModelItem(
            name,
            m.getId(),
            m.getDescription(),
            m.getTags(),
            acl,
            versions.stream().map(ModelVersion::getVersion).toList());
    FileRef file = ctx.bundle().writeJson(folder(name) + "/model.json", item);
    return JournalEntry.exported(type(), name, List.of(file), BundleJson.MAPPER.valueToTree(item));
  }

  private JournalEntry version(ExportContext ctx, ArtifactCopier artifacts, ModelVersion v)
      throws Exception {
    String dir = folder(v.getName()) + "/" + v.getVersion();
    String uri =
        ctx.workspace()
            .modelRegistry()
            .getModelVersionDownloadUri(
                new GetModelVersionDownloadUriRequest()
                    .setName(v.getName())
                    .setVersion(v.getVersion()))
            .getArtifactUri();
    var files = new ArrayList<FileRef>(artifacts.copy(uri, dir + "/artifacts", ctx.bundle()));
    var record = BundleJson.MAPPER.createObjectNode();
    record.set("version", BundleJson.MAPPER.valueToTree(v));
    record.put("artifact_uri", uri);
    record.set(
        "artifacts", BundleJson.MAPPER.valueToTree(files.stream().map(FileRef::path).toList()));
    files.add(0, ctx.bundle().writeJson(dir + "/version.json", record));
    return JournalEntry.exported(type(), v.getName() + "/" + v.getVersion(), files, record);
  }
}
