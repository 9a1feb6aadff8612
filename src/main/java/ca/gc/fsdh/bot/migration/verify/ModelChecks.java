package ca.gc.fsdh.bot.migration.verify;

import ca.gc.fsdh.bot.migration.bundle.BundleFinisher;
import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.bundle.JournalEntry;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.models.BlobFiles;
import ca.gc.fsdh.bot.migration.models.ModelImporter;
import ca.gc.fsdh.bot.migration.models.ModelRegistryChoice;
import ca.gc.fsdh.bot.migration.spi.PermissionGrant;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.service.files.ReadDbfsRequest;
import com.databricks.sdk.service.ml.GetModelRequest;
import com.databricks.sdk.service.ml.ModelDatabricks;
import com.databricks.sdk.service.ml.ModelVersion;
import com.databricks.sdk.service.ml.SearchModelVersionsRequest;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Models: in Unity Catalog when the import put them there ({@link UcModelChecks}), else in the
 * workspace registry: the model with its description; each version found by its source, with its
 * stage and artifact bytes.
 */
final class ModelChecks implements Verifier.TypeCheck {
  @Override
  public ResourceType type() {
    return ResourceType.MODELS;
  }

  /** Set by {@link #prepare}: the Unity Catalog checks, or null for the workspace registry. */
  private UcModelChecks unityCatalog;

  private Map<String, Map<String, Long>> aliases = Map.of();

  @Override
  public void prepare(Verifier.Run run) throws Exception {
    var choice =
        ModelRegistryChoice.resolve(
            run.target(), run.options().models(), run.mapping().file().models());
    if (choice.unityCatalog().isPresent()) {
      unityCatalog =
          new UcModelChecks(
              choice.unityCatalog().get(), new BlobFiles(run.options().models().blobEndpoint()));
      aliases = UcModelChecks.expectedAliases(run);
    }
  }

  @Override
  public void check(Verifier.Run run, JournalEntry e) {
    JsonNode r = e.record();
    if (unityCatalog != null) {
      if (r.has("version"))
        unityCatalog.version(
            run,
            e.id(),
            r,
            aliases.getOrDefault(r.path("version").path("name").asText(), Map.of()));
      else unityCatalog.model(run, e.id(), r);
      return;
    }
    if (r.has("version")) {
      version(run, e.id(), r);
      return;
    }
    String name = r.path("name").asText();
    run.check(
        "models",
        name,
        name,
        () -> {
          ModelDatabricks m;
          try {
            m =
                run.target()
                    .modelRegistry()
                    .getModel(new GetModelRequest().setName(name))
                    .getRegisteredModelDatabricks();
          } catch (NotFound missing) {
            return ItemCheck.missing("models", name, "model " + name);
          }
          var diffs = new ArrayList<String>();
          String description = r.path("description").asText(null);
          if (description != null && !description.equals(m.getDescription()))
            diffs.add("description '" + m.getDescription() + "', expected '" + description + "'");
          if (r.hasNonNull("permissions") && m.getId() != null) {
            List<PermissionGrant> acl =
                BundleJson.MAPPER.convertValue(
                    r.get("permissions"), new TypeReference<List<PermissionGrant>>() {});
            diffs.addAll(run.permissions("registered-models", m.getId(), acl));
          }
          return ItemCheck.of("models", name, "model " + name, diffs);
        });
  }

  private void version(Verifier.Run run, String id, JsonNode r) {
    JsonNode v = r.path("version");
    String model = v.path("name").asText();
    String pocVersion = v.path("version").asText();
    run.check(
        "models",
        id,
        ModelImporter.sourceOf(model, pocVersion),
        () -> {
          var versions =
              run.target()
                  .modelRegistry()
                  .searchModelVersions(
                      new SearchModelVersionsRequest()
                          .setFilter("name='" + model.replace("'", "\\'") + "'"));
          var found = ModelImporter.findVersion(versions, model, pocVersion);
          if (found.isEmpty())
            return ItemCheck.missing(
                "models",
                id,
                "a version of " + model + " from " + ModelImporter.sourceOf(model, pocVersion));
          ModelVersion t = found.get();
          var diffs = new ArrayList<String>();
          String stage = v.path("current_stage").asText("None");
          if (!stage.equalsIgnoreCase(String.valueOf(t.getCurrentStage())))
            diffs.add("stage " + t.getCurrentStage() + ", expected " + stage);
          String dir = ModelImporter.sourceOf(model, pocVersion).substring("dbfs:".length());
          for (JsonNode a : r.path("artifacts")) {
            String bundlePath = a.asText();
            String rel =
                bundlePath.substring(bundlePath.indexOf("/artifacts/") + "/artifacts/".length());
            String expected = BundleFinisher.sha256(run.bundle().file(bundlePath));
            String actual = sha256(run, dir + "/" + rel);
            if (!expected.equals(actual))
              diffs.add("artifact " + rel + (actual == null ? " is missing" : " differs"));
          }
          return ItemCheck.of("models", id, model + " version " + t.getVersion(), diffs);
        });
  }

  private static String sha256(Verifier.Run run, String path) throws Exception {
    var sha = MessageDigest.getInstance("SHA-256");
    try {
      long offset = 0;
      while (true) {
        var r =
            run.target()
                .dbfs()
                .read(
                    new ReadDbfsRequest().setPath(path).setOffset(offset).setLength(1024L * 1024));
        long n = r.getBytesRead() == null ? 0 : r.getBytesRead();
        if (n <= 0 || r.getData() == null) break;
        sha.update(Base64.getDecoder().decode(r.getData()));
        offset += n;
      }
    } catch (NotFound missing) {
      return null;
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
