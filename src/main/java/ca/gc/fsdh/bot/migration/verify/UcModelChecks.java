package ca.gc.fsdh.bot.migration.verify;

import ca.gc.fsdh.bot.migration.bundle.BundleFinisher;
import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.models.BlobFiles;
import ca.gc.fsdh.bot.migration.models.ModelGrants;
import ca.gc.fsdh.bot.migration.models.StageAliases;
import ca.gc.fsdh.bot.migration.models.UcModelImporter;
import ca.gc.fsdh.bot.migration.models.UcModelTarget;
import ca.gc.fsdh.bot.migration.models.UcModelsApi;
import ca.gc.fsdh.bot.migration.spi.PermissionGrant;
import ca.gc.fsdh.bot.migration.spi.PermissionWriter;
import ca.gc.fsdh.bot.migration.target.WorkspaceLocalGroups;
import com.databricks.sdk.service.catalog.PrivilegeAssignment;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Models in Unity Catalog: each model with its description and grants; each version found by the
 * POC version it records, READY, with the alias its stage gives and every artifact's SHA-256 equal
 * to the bundle's (read back from storage with a read-only SAS).
 */
final class UcModelChecks {
  private final UcModelTarget where;
  private final BlobFiles blobs;

  UcModelChecks(UcModelTarget where, BlobFiles blobs) {
    this.where = where;
    this.blobs = blobs;
  }

  void model(Verifier.Run run, String id, JsonNode r) {
    String poc = r.path("name").asText();
    String name = where.fullName(poc);
    run.check(
        "models",
        id,
        name,
        () -> {
          var api = new UcModelsApi(run.target());
          Optional<JsonNode> m = api.model(name);
          if (m.isEmpty()) return ItemCheck.missing("models", id, "model " + name);
          var diffs = new ArrayList<String>();
          String description = r.path("description").asText(null);
          String actual = m.get().path("description").asText(null);
          if (description != null && !description.equals(actual))
            diffs.add("description '" + actual + "', expected '" + description + "'");
          var notCarried = new ArrayList<String>();
          if (run.options().permissions() && r.hasNonNull("permissions"))
            diffs.addAll(grants(run, name, r.get("permissions"), notCarried));
          if (diffs.isEmpty() && !notCarried.isEmpty()) {
            // as for table ACLs: a grant UC cannot name was reported at import, not a difference
            return new ItemCheck(
                "models", id, "model " + name, ItemCheck.Status.PARTLY_CHECKED, notCarried);
          }
          return ItemCheck.of("models", id, "model " + name, diffs);
        });
  }

  /**
   * Expected UC privileges (renamed principals) that the model's direct grants lack; a grant to a
   * workspace-local group, which UC cannot name, goes to {@code notCarried} instead.
   */
  private static List<String> grants(
      Verifier.Run run, String name, JsonNode permissions, List<String> notCarried) {
    List<PermissionGrant> acl =
        BundleJson.MAPPER.convertValue(permissions, new TypeReference<List<PermissionGrant>>() {});
    Map<String, Set<String>> actual = new HashMap<>();
    var response = run.target().grants().get("function", name);
    if (response.getPrivilegeAssignments() != null) {
      for (PrivilegeAssignment a : response.getPrivilegeAssignments()) {
        var set = actual.computeIfAbsent(a.getPrincipal().toLowerCase(), k -> new HashSet<>());
        if (a.getPrivileges() != null) a.getPrivileges().forEach(p -> set.add(p.name()));
      }
    }
    var diffs = new ArrayList<String>();
    Set<String> local = WorkspaceLocalGroups.read(run.target());
    for (PermissionGrant g : PermissionWriter.renamed(acl, run.mapping())) {
      Optional<String> principal = UcModelImporter.ucPrincipal(g);
      if (principal.isEmpty()) continue; // workspace admins: no UC counterpart, reported at import
      if (local.contains(principal.get().toLowerCase(Locale.ROOT))) {
        notCarried.add("not carried over: " + principal.get() + " is a workspace-local group");
        continue;
      }
      var held = actual.getOrDefault(principal.get().toLowerCase(), Set.of());
      for (var p : ModelGrants.privileges(g.level())) {
        if (!held.contains(p.name()))
          diffs.add("grant " + p.name() + " for " + principal.get() + " is missing");
      }
    }
    return diffs;
  }

  void version(Verifier.Run run, String id, JsonNode r, Map<String, Long> aliases) {
    JsonNode v = r.path("version");
    String poc = v.path("name").asText();
    String pocVersion = v.path("version").asText();
    String name = where.fullName(poc);
    run.check(
        "models",
        id,
        name + " from " + UcModelImporter.sourceOf(poc, pocVersion),
        () -> {
          var api = new UcModelsApi(run.target());
          Optional<JsonNode> model = api.model(name);
          if (model.isEmpty()) return ItemCheck.missing("models", id, "model " + name);
          var found = UcModelImporter.find(api, name, poc, pocVersion);
          if (found.isEmpty())
            return ItemCheck.missing(
                "models", id, "a version of " + name + " from POC version " + pocVersion);
          String number = found.get().path("version").asText();
          String where = name + " version " + number;
          var diffs = new ArrayList<String>();
          String status = found.get().path("status").asText();
          if (!status.equals("READY")) diffs.add("status " + status + ", expected READY");
          diffs.addAll(aliases(model.get(), number, pocVersion, aliases));
          String location = found.get().path("storage_location").asText();
          var sas = api.credentials(name, number, false).sasToken();
          for (JsonNode a : r.path("artifacts")) {
            String bundlePath = a.asText();
            String rel = UcModelImporter.relative(bundlePath);
            String expected = BundleFinisher.sha256(run.bundle().file(bundlePath));
            Optional<String> actual = blobs.sha256(location, rel, sas);
            if (actual.isEmpty()) diffs.add("artifact " + rel + " is missing");
            else if (!expected.equals(actual.get())) diffs.add("artifact " + rel + " differs");
          }
          return ItemCheck.of("models", id, where, diffs);
        });
  }

  /** The alias this POC version's stage gives must point at its UC version. */
  private static List<String> aliases(
      JsonNode model, String number, String pocVersion, Map<String, Long> expected) {
    var actual = new LinkedHashMap<String, String>();
    model
        .path("aliases")
        .forEach(a -> actual.put(a.path("alias").asText(), a.path("version").asText()));
    var diffs = new ArrayList<String>();
    for (var e : expected.entrySet()) {
      if (!Long.toString(e.getValue()).equals(pocVersion)) continue;
      String at = actual.get(e.getKey());
      if (!number.equals(at))
        diffs.add(
            "alias @"
                + e.getKey()
                + (at == null ? " is missing" : " is on version " + at)
                + ", expected on version "
                + number);
    }
    return diffs;
  }

  /** The expected aliases of each POC model, from its versions' stages in the bundle. */
  static Map<String, Map<String, Long>> expectedAliases(Verifier.Run run) throws Exception {
    Map<String, Map<Long, String>> stages = new HashMap<>();
    run.bundle()
        .items(
            ca.gc.fsdh.bot.migration.item.ResourceType.MODELS,
            e -> {
              JsonNode v = e.record().path("version");
              if (v.isMissingNode()) return;
              stages
                  .computeIfAbsent(v.path("name").asText(), k -> new HashMap<>())
                  .put(v.path("version").asLong(), v.path("current_stage").asText("None"));
            });
    Map<String, Map<String, Long>> out = new HashMap<>();
    stages.forEach((m, s) -> out.put(m, StageAliases.of(s)));
    return out;
  }
}
