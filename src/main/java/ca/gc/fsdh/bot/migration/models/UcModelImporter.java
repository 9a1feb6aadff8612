package ca.gc.fsdh.bot.migration.models;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.item.ImportOutcome;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.spi.ExistingPolicy;
import ca.gc.fsdh.bot.migration.spi.ImportContext;
import ca.gc.fsdh.bot.migration.spi.ImportContext.Done;
import ca.gc.fsdh.bot.migration.spi.PermissionGrant;
import ca.gc.fsdh.bot.migration.spi.PermissionWriter;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.service.catalog.PermissionsChange;
import com.databricks.sdk.service.catalog.Privilege;
import com.databricks.sdk.service.catalog.UpdatePermissions;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Copies workspace-registry models into Unity Catalog, as {@code catalog.schema.model}, through the
 * model-version flow MLflow's UC client uses (mlflow {@code
 * UcModelRegistryStore.create_model_version}): {@code model-versions/create} (PENDING_REGISTRATION,
 * with a {@code storage_location}) → {@code generate-temporary-credentials} (READ_WRITE) → every
 * artifact file uploaded byte for byte under that location → {@code finalize} (READY). Versions go
 * in POC order, so UC numbers them in the same order (UC numbers from 1 per model and never reuses
 * a number).
 *
 * <p>Each UC version records its POC version twice: its {@code source} is {@code models:/<poc
 * model>/<poc version>} (the source MLflow's {@code copy_model_version} gives a copy) and its tags
 * {@value #POC_MODEL_TAG} / {@value ModelImporter#POC_VERSION_TAG}. A rerun reads them back and
 * never creates a second version of one POC version: a version left PENDING_REGISTRATION by a crash
 * is completed (files uploaded again, Put Blob replacing them, then finalized).
 *
 * <p>A version UC cannot take (no signature, or a signature without outputs) fails with the reason
 * before anything is written; stages become aliases ({@link StageAliases}), permissions UC grants
 * ({@link ModelGrants}).
 */
public final class UcModelImporter implements ModelImporter.Flow {
  public static final String POC_MODEL_TAG = "fsdh_poc_model";

  /** The prefix the import report lists as work for a person (as the secret scopes use it). */
  private static final String MANUAL = "manual: ";

  private final UcModelTarget where;
  private final BlobFiles blobs;

  /** UC full name to the POC model that has it; a second POC model of that name is refused. */
  private final Map<String, String> owners = new LinkedHashMap<>();

  UcModelImporter(UcModelTarget where, BlobFiles blobs, Iterable<String> pocModels) {
    this.where = where;
    this.blobs = blobs;
    for (String m : pocModels) owners.putIfAbsent(where.fullName(m), m);
  }

  /** The workspace source a UC version is registered from, by which it is found again. */
  public static String sourceOf(String pocModel, String pocVersion) {
    return "models:/" + pocModel + "/" + pocVersion;
  }

  private String ucName(String pocModel) throws ModelNotCopied {
    String name = where.fullName(pocModel);
    String first = owners.get(name);
    if (first != null && !first.equals(pocModel)) {
      throw new ModelNotCopied(
          "its Unity Catalog name "
              + name
              + " is already the name of POC model '"
              + first
              + "' (UC names are lower case, without period, space or slash): rename one of them"
              + " in POC and export again");
    }
    return name;
  }

  @Override
  public Done model(ImportContext ctx, JsonNode record, boolean resuming) throws Exception {
    var api = new UcModelsApi(ctx.target());
    String poc = record.path("name").asText();
    String name = ucName(poc);
    Optional<JsonNode> existing = api.model(name);
    if (existing.isPresent() && ctx.policy(ResourceType.MODELS) == ExistingPolicy.SKIP && !resuming)
      return new Done(ImportOutcome.SKIPPED, name, List.of("already in the target"));
    if (ctx.dryRun())
      return Done.of(
          existing.isPresent() ? ImportOutcome.OVERWRITTEN : ImportOutcome.CREATED, name);
    String description = record.path("description").asText(null);
    var tags = tags(record.path("tags"));
    tags.put(POC_MODEL_TAG, poc);
    ImportOutcome outcome;
    if (existing.isEmpty()) {
      api.createModel(name, description, tags);
      outcome = ImportOutcome.CREATED;
    } else {
      if (description != null
          && !description.equals(existing.get().path("description").asText(null)))
        api.updateDescription(name, description);
      for (var t : tags.entrySet()) api.setModelTag(name, t.getKey(), t.getValue());
      outcome = ImportOutcome.OVERWRITTEN;
    }
    var notes = new ArrayList<String>();
    notes.add("POC model '" + poc + "' is " + name + " in Unity Catalog");
    if (ctx.options().permissions() && record.hasNonNull("permissions"))
      notes.addAll(grants(ctx, name, record.get("permissions")));
    return new Done(outcome, name, notes);
  }

  /**
   * The model's permissions as UC grants, one principal per call: UC checks every change of a call
   * before applying any, so one principal it cannot name must not cost the others. Adding a
   * privilege already held changes nothing, so a rerun is harmless.
   */
  private List<String> grants(ImportContext ctx, String name, JsonNode permissions) {
    List<PermissionGrant> acl =
        BundleJson.MAPPER.convertValue(permissions, new TypeReference<List<PermissionGrant>>() {});
    var notes = new ArrayList<String>();
    int applied = 0;
    for (PermissionGrant g : PermissionWriter.renamed(acl, ctx.mapping())) {
      String what = g.level() + " for " + g.principal();
      Optional<String> principal = ucPrincipal(g);
      List<Privilege> privileges = ModelGrants.privileges(g.level());
      if (principal.isEmpty()) {
        notes.add(
            MANUAL
                + "model "
                + name
                + ": "
                + what
                + " not carried over: workspace admins have no Unity Catalog grant (the model's"
                + " owner and metastore admins manage it)");
        continue;
      }
      if (privileges.isEmpty()) {
        notes.add(MANUAL + "model " + name + ": " + what + " has no Unity Catalog privilege");
        continue;
      }
      try {
        ctx.target()
            .grants()
            .update(
                new UpdatePermissions()
                    .setSecurableType("function")
                    .setFullName(name)
                    .setChanges(
                        List.of(
                            new PermissionsChange()
                                .setPrincipal(principal.get())
                                .setAdd(privileges))));
        applied++;
      } catch (DatabricksError e) {
        if (e.getStatusCode() == 429 || e.getStatusCode() >= 500) throw e;
        notes.add(
            MANUAL
                + "model "
                + name
                + ": "
                + what
                + " not carried over ("
                + e.getErrorCode()
                + ": "
                + e.getMessage()
                + "); grant "
                + privileges
                + " to an account-level principal instead");
      }
      if (ModelGrants.movesStages(g.level()))
        notes.add(
            "model "
                + name
                + ": "
                + what
                + " became "
                + privileges
                + "; moving the champion/challenger aliases needs the model's owner or MANAGE");
    }
    if (applied > 0) notes.add(applied + " Unity Catalog grant(s) applied");
    return notes;
  }

  /**
   * The UC principal of a workspace grant: the workspace's {@code users} group is the account's
   * {@code account users}; {@code admins} has no UC counterpart.
   */
  public static Optional<String> ucPrincipal(PermissionGrant g) {
    if (g.principalType().equals("group_name")) {
      if (g.principal().equals("admins")) return Optional.empty();
      if (g.principal().equals("users")) return Optional.of(ModelGrants.ACCOUNT_USERS);
    }
    return Optional.of(g.principal());
  }

  @Override
  public Done version(
      ImportContext ctx, JsonNode record, Map<String, Long> aliases, boolean resuming)
      throws Exception {
    var api = new UcModelsApi(ctx.target());
    JsonNode v = record.path("version");
    String poc = v.path("name").asText();
    String pocVersion = v.path("version").asText();
    String stage = v.path("current_stage").asText("None");
    String name = ucName(poc);
    boolean modelThere = api.model(name).isPresent();
    if (!modelThere && !ctx.dryRun())
      throw new ModelNotCopied(
          "its model " + name + " is not in Unity Catalog (see the model's line)");
    Optional<JsonNode> existing = modelThere ? find(api, name, poc, pocVersion) : Optional.empty();
    String status = existing.map(e -> e.path("status").asText()).orElse("");
    if (existing.isPresent()
        && status.equals("READY")
        && ctx.policy(ResourceType.MODELS) == ExistingPolicy.SKIP
        && !resuming)
      return new Done(
          ImportOutcome.SKIPPED,
          name + "/" + existing.get().path("version").asText(),
          List.of("already in the target"));
    if (existing.isEmpty() || !status.equals("READY")) {
      Optional<String> problem = ModelSignature.problem(artifact(ctx, record, "MLmodel"));
      if (problem.isPresent())
        throw new ModelNotCopied("Unity Catalog cannot take this version: " + problem.get());
    }
    if (status.equals("FAILED_REGISTRATION"))
      throw new ModelNotCopied(
          "Unity Catalog refused its version "
              + existing.get().path("version").asText()
              + " of "
              + name
              + " ("
              + existing.get().path("status_message").asText("no message")
              + "): delete that version and run the import again");
    if (ctx.dryRun())
      return Done.of(
          existing.isPresent() ? ImportOutcome.OVERWRITTEN : ImportOutcome.CREATED, null);

    var notes = new ArrayList<String>();
    JsonNode target;
    ImportOutcome outcome;
    if (existing.isEmpty()) {
      var tags = tags(v.path("tags"));
      tags.put(POC_MODEL_TAG, poc);
      tags.put(ModelImporter.POC_VERSION_TAG, pocVersion);
      tags.put(StageAliases.STAGE_TAG, stage);
      if (v.hasNonNull("run_id")) tags.put(ModelImporter.POC_RUN_TAG, v.get("run_id").asText());
      // no run_id: the POC run does not exist in PROD; it is kept as a tag
      target =
          api.createVersion(
              name, sourceOf(poc, pocVersion), v.path("description").asText(null), tags);
      outcome = ImportOutcome.CREATED;
    } else {
      target = existing.get();
      outcome = status.equals("READY") ? ImportOutcome.OVERWRITTEN : ImportOutcome.CREATED;
      if (!status.equals("READY"))
        notes.add(
            "completed version "
                + target.path("version").asText()
                + " left pending by an earlier run");
    }
    String number = target.path("version").asText();
    if (!target.path("status").asText().equals("READY")) {
      int files = upload(ctx, api, record, name, number, target.path("storage_location").asText());
      api.finalizeVersion(name, number);
      notes.add(files + " artifact file(s) uploaded to " + name + " version " + number);
    }
    for (var a : aliases.entrySet()) {
      if (Long.toString(a.getValue()).equals(pocVersion)) {
        api.setAlias(name, a.getKey(), number);
        notes.add("stage " + stage + " is alias @" + a.getKey());
      }
    }
    notes.add("POC version " + pocVersion + " is version " + number + " of " + name);
    return new Done(outcome, name + "/" + number, notes);
  }

  /**
   * The UC version registered from a POC version: by its source (search answers it), else by its
   * tags (search leaves tags out, so those versions are read one by one).
   */
  public static Optional<JsonNode> find(
      UcModelsApi api, String name, String poc, String pocVersion) {
    String source = sourceOf(poc, pocVersion);
    List<JsonNode> all = api.versions(name);
    for (JsonNode v : all) if (source.equals(v.path("source").asText())) return Optional.of(v);
    // a version registered with another source may still carry the tags; versions with this
    // import's own source form are another POC version's, and need no second read
    String ours = "models:/" + poc + "/";
    for (JsonNode v : all) {
      if (v.path("source").asText().startsWith(ours)) continue;
      JsonNode full = api.version(name, v.path("version").asText());
      var tags = tags(full.path("tags"));
      if (poc.equals(tags.get(POC_MODEL_TAG))
          && pocVersion.equals(tags.get(ModelImporter.POC_VERSION_TAG))) return Optional.of(full);
    }
    return Optional.empty();
  }

  private int upload(
      ImportContext ctx,
      UcModelsApi api,
      JsonNode record,
      String name,
      String number,
      String location)
      throws IOException, InterruptedException {
    var credentials = api.credentials(name, number, true);
    int n = 0;
    for (JsonNode a : record.path("artifacts")) {
      String bundlePath = a.asText();
      Path file = ctx.bundle().file(bundlePath);
      String rel = relative(bundlePath);
      try {
        blobs.upload(location, rel, file, credentials.sasToken());
      } catch (BlobFiles.BlobRefused e) {
        if (e.status() != 403) throw e;
        // expired or refused SAS: MLflow refreshes the credentials and tries again, once here
        credentials = api.credentials(name, number, true);
        blobs.upload(location, rel, file, credentials.sasToken());
      }
      n++;
    }
    return n;
  }

  /** A bundle artifact path's part under the version's {@code artifacts/} folder. */
  public static String relative(String bundlePath) {
    int at = bundlePath.indexOf("/artifacts/");
    return at < 0
        ? bundlePath.substring(bundlePath.lastIndexOf('/') + 1)
        : bundlePath.substring(at + "/artifacts/".length());
  }

  private static Path artifact(ImportContext ctx, JsonNode record, String rel) {
    for (JsonNode a : record.path("artifacts"))
      if (relative(a.asText()).equals(rel)) return ctx.bundle().file(a.asText());
    return null;
  }

  /** Tags as the bundle holds them (a list of key/value or an object), in order. */
  public static Map<String, String> tags(JsonNode tags) {
    var out = new LinkedHashMap<String, String>();
    if (tags == null || tags.isMissingNode() || tags.isNull()) return out;
    if (tags.isArray()) {
      for (JsonNode t : tags) out.put(t.path("key").asText(), t.path("value").asText(""));
    } else if (tags.isObject()) {
      tags.properties().forEach(f -> out.put(f.getKey(), f.getValue().asText()));
    }
    return out;
  }

  /** A model or version that cannot land in Unity Catalog as it is; the message says why. */
  static final class ModelNotCopied extends Exception {
    ModelNotCopied(String reason) {
      super(reason);
    }
  }
}
