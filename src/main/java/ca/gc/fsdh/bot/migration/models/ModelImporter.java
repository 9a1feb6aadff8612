package ca.gc.fsdh.bot.migration.models;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.bundle.JournalEntry;
import ca.gc.fsdh.bot.migration.item.ImportOutcome;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.spi.ExistingPolicy;
import ca.gc.fsdh.bot.migration.spi.ImportContext;
import ca.gc.fsdh.bot.migration.spi.ImportContext.Done;
import ca.gc.fsdh.bot.migration.spi.PermissionGrant;
import ca.gc.fsdh.bot.migration.spi.PermissionWriter;
import ca.gc.fsdh.bot.migration.spi.ResourceImporter;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.service.files.AddBlock;
import com.databricks.sdk.service.files.Create;
import com.databricks.sdk.service.files.Put;
import com.databricks.sdk.service.ml.CreateModelRequest;
import com.databricks.sdk.service.ml.CreateModelVersionRequest;
import com.databricks.sdk.service.ml.GetModelRequest;
import com.databricks.sdk.service.ml.ModelDatabricks;
import com.databricks.sdk.service.ml.ModelTag;
import com.databricks.sdk.service.ml.ModelVersion;
import com.databricks.sdk.service.ml.ModelVersionTag;
import com.databricks.sdk.service.ml.SearchModelVersionsRequest;
import com.databricks.sdk.service.ml.SetModelTagRequest;
import com.databricks.sdk.service.ml.TransitionModelVersionStageDatabricks;
import com.databricks.sdk.service.ml.UpdateModelRequest;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recreates registered models: the model (description, tags, permissions), then each version in
 * order, its artifacts uploaded to DBFS under {@link #sourceOf} and registered from there, with its
 * tags and stage. A version is found again by that source or by its {@value #POC_VERSION_TAG} tag,
 * so a rerun never registers it twice. The POC run does not exist in PROD: its id is kept as a tag.
 */
public final class ModelImporter implements ResourceImporter {
  public static final String POC_VERSION_TAG = "fsdh_poc_version";
  public static final String POC_RUN_TAG = "fsdh_poc_run_id";

  /** DBFS reads and writes take at most 1 MB of data per call. */
  private static final int BLOCK = 1024 * 1024;

  @Override
  public ResourceType type() {
    return ResourceType.MODELS;
  }

  /**
   * Where a version's artifacts go in PROD DBFS; also the version's source, by which it is found
   * again.
   */
  public static String sourceOf(String model, String pocVersion) {
    return "dbfs:/fsdh-migration/models/"
        + URLEncoder.encode(model, StandardCharsets.UTF_8).replace("+", "%20")
        + "/v"
        + pocVersion;
  }

  @Override
  public void importAll(ImportContext ctx) throws Exception {
    Map<String, JournalEntry> models = new LinkedHashMap<>();
    Map<String, List<JournalEntry>> versions = new LinkedHashMap<>();
    ctx.bundle()
        .items(
            type(),
            e -> {
              if (e.record().has("versions") && !e.record().has("version")) models.put(e.id(), e);
              else
                versions
                    .computeIfAbsent(
                        e.record().path("version").path("name").asText(), k -> new ArrayList<>())
                    .add(e);
            });
    ctx.discovered(type(), models.size() + versions.values().stream().mapToLong(List::size).sum());
    var permissions = new PermissionWriter(ctx.target(), ctx.mapping());
    try (var loop = ctx.loop(type())) {
      for (var m : models.values()) {
        var own = new ArrayList<>(versions.getOrDefault(m.id(), List.of()));
        own.sort(
            Comparator.comparingInt(
                v -> Integer.parseInt(v.record().path("version").path("version").asText("0"))));
        loop.submit(() -> {
          ctx.item(type(), m.id(), resuming -> model(ctx, permissions, m.record(), resuming));
          for (JournalEntry v : own)
            ctx.item(type(), v.id(), resuming -> version(ctx, v.record(), resuming));
        });
      }
      for (var orphan : versions.keySet()) {
        if (!models.containsKey(orphan)) {
          for (JournalEntry v : versions.get(orphan))
            ctx.failed(type(), v.id(), "the bundle has this version but not its model");
        }
      }
      loop.finish();
    }
  }

  private Done model(
      ImportContext ctx, PermissionWriter permissions, JsonNode record, boolean resuming) {
    var registry = ctx.target().modelRegistry();
    String name = record.path("name").asText();
    Optional<ModelDatabricks> existing = find(ctx, name);
    if (existing.isPresent() && ctx.policy(type()) == ExistingPolicy.SKIP && !resuming) {
      return new Done(
          ImportOutcome.SKIPPED, existing.get().getId(), List.of("already in the target"));
    }
    if (ctx.dryRun())
      return Done.of(
          existing.isPresent() ? ImportOutcome.OVERWRITTEN : ImportOutcome.CREATED, null);
    List<ModelTag> tags = tags(record.path("tags"), ModelTag.class);
    String description = record.path("description").asText(null);
    ImportOutcome outcome;
    if (existing.isEmpty()) {
      registry.createModel(
          new CreateModelRequest().setName(name).setDescription(description).setTags(tags));
      outcome = ImportOutcome.CREATED;
    } else {
      if (description != null && !description.equals(existing.get().getDescription())) {
        registry.updateModel(new UpdateModelRequest().setName(name).setDescription(description));
      }
      for (ModelTag t : tags)
        registry.setModelTag(
            new SetModelTagRequest().setName(name).setKey(t.getKey()).setValue(t.getValue()));
      outcome = ImportOutcome.OVERWRITTEN;
    }
    var notes = new ArrayList<String>();
    String id = null;
    if (ctx.options().permissions()
        && record.hasNonNull("permissions")
        && !record.get("permissions").isEmpty()) {
      id = find(ctx, name).orElseThrow().getId();
      List<PermissionGrant> acl =
          BundleJson.MAPPER.convertValue(
              record.get("permissions"), new TypeReference<List<PermissionGrant>>() {});
      notes.add(permissions.apply("registered-models", id, acl));
    }
    return new Done(outcome, id, notes);
  }

  static Optional<ModelDatabricks> find(ImportContext ctx, String name) {
    try {
      return Optional.ofNullable(
          ctx.target()
              .modelRegistry()
              .getModel(new GetModelRequest().setName(name))
              .getRegisteredModelDatabricks());
    } catch (NotFound e) {
      return Optional.empty();
    }
  }

  /** The PROD version registered from a POC version, if any. */
  public static Optional<ModelVersion> findVersion(
      Iterable<ModelVersion> target, String model, String pocVersion) {
    String source = sourceOf(model, pocVersion);
    for (ModelVersion v : target) {
      if (source.equals(v.getSource())) return Optional.of(v);
      if (v.getTags() != null) {
        for (ModelVersionTag t : v.getTags()) {
          if (POC_VERSION_TAG.equals(t.getKey()) && pocVersion.equals(t.getValue()))
            return Optional.of(v);
        }
      }
    }
    return Optional.empty();
  }

  public static Iterable<ModelVersion> versionsOf(ImportContext ctx, String model) {
    return ctx.target()
        .modelRegistry()
        .searchModelVersions(
            new SearchModelVersionsRequest().setFilter("name='" + model.replace("'", "\\'") + "'"));
  }

  private Done version(ImportContext ctx, JsonNode record, boolean resuming) throws Exception {
    JsonNode v = record.path("version");
    String model = v.path("name").asText();
    String pocVersion = v.path("version").asText();
    String stage = v.path("current_stage").asText("None");
    var registry = ctx.target().modelRegistry();
    Optional<ModelVersion> existing =
        ctx.dryRun() && find(ctx, model).isEmpty()
            ? Optional.empty()
            : findVersion(versionsOf(ctx, model), model, pocVersion);
    if (existing.isPresent() && ctx.policy(type()) == ExistingPolicy.SKIP && !resuming) {
      return new Done(
          ImportOutcome.SKIPPED,
          model + "/" + existing.get().getVersion(),
          List.of("already in the target"));
    }
    if (ctx.dryRun())
      return Done.of(
          existing.isPresent() ? ImportOutcome.OVERWRITTEN : ImportOutcome.CREATED, null);
    var notes = new ArrayList<String>();
    String targetVersion;
    ImportOutcome outcome;
    if (existing.isEmpty()) {
      String source = sourceOf(model, pocVersion);
      int files = upload(ctx, record, source);
      var tags = new ArrayList<>(tags(v.path("tags"), ModelVersionTag.class));
      tags.add(new ModelVersionTag().setKey(POC_VERSION_TAG).setValue(pocVersion));
      if (v.hasNonNull("run_id"))
        tags.add(new ModelVersionTag().setKey(POC_RUN_TAG).setValue(v.get("run_id").asText()));
      targetVersion =
          registry
              .createModelVersion(
                  new CreateModelVersionRequest()
                      .setName(model)
                      .setSource(source)
                      .setDescription(v.path("description").asText(null))
                      .setTags(tags))
              .getModelVersion()
              .getVersion();
      notes.add(files + " artifact file(s) uploaded to " + source);
      outcome = ImportOutcome.CREATED;
    } else {
      targetVersion = existing.get().getVersion();
      outcome = ImportOutcome.OVERWRITTEN;
    }
    boolean stageDiffers =
        existing.isEmpty()
            ? !"None".equalsIgnoreCase(stage)
            : !stage.equalsIgnoreCase(String.valueOf(existing.get().getCurrentStage()));
    if (stageDiffers) {
      registry.transitionStage(
          new TransitionModelVersionStageDatabricks()
              .setName(model)
              .setVersion(targetVersion)
              .setStage(stage)
              .setArchiveExistingVersions(false));
    }
    if (!targetVersion.equals(pocVersion))
      notes.add("POC version " + pocVersion + " is version " + targetVersion + " in PROD");
    return new Done(outcome, model + "/" + targetVersion, notes);
  }

  private static int upload(ImportContext ctx, JsonNode record, String source) throws Exception {
    String dir = source.substring("dbfs:".length());
    var dbfs = ctx.target().dbfs();
    int n = 0;
    for (JsonNode a : record.path("artifacts")) {
      String bundlePath = a.asText();
      int at = bundlePath.indexOf("/artifacts/");
      String rel =
          at < 0
              ? bundlePath.substring(bundlePath.lastIndexOf('/') + 1)
              : bundlePath.substring(at + "/artifacts/".length());
      String target = dir + "/" + rel;
      byte[] bytes = Files.readAllBytes(ctx.bundle().file(bundlePath));
      if (bytes.length <= BLOCK) {
        dbfs.put(
            new Put()
                .setPath(target)
                .setContents(Base64.getEncoder().encodeToString(bytes))
                .setOverwrite(true));
      } else {
        long handle = dbfs.create(new Create().setPath(target).setOverwrite(true)).getHandle();
        for (int off = 0; off < bytes.length; off += BLOCK) {
          byte[] block = Arrays.copyOfRange(bytes, off, Math.min(bytes.length, off + BLOCK));
          dbfs.addBlock(
              new AddBlock().setHandle(handle).setData(Base64.getEncoder().encodeToString(block)));
        }
        dbfs.close(handle);
      }
      n++;
    }
    return n;
  }

  private static <T> List<T> tags(JsonNode tags, Class<T> type) {
    var out = new ArrayList<T>();
    if (tags == null || tags.isMissingNode() || tags.isNull()) return out;
    if (tags.isArray()) {
      for (JsonNode t : tags) out.add(BundleJson.MAPPER.convertValue(t, type));
    } else if (tags.isObject()) {
      tags.properties()
          .forEach(f ->
              out.add(
                  BundleJson.MAPPER.convertValue(
                      BundleJson.MAPPER
                          .createObjectNode()
                          .put("key", f.getKey())
                          .put("value", f.getValue().asText()),
                      type)));
    }
    return out;
  }
}
