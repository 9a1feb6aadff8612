package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.OTHER;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Registered models and model versions as the SDK's {@code registeredModels()} and {@code
 * modelVersions()} call them ({@code /api/2.1/unity-catalog/models...}, SDK 0.141 {@code
 * RegisteredModelsImpl}, {@code ModelVersionsImpl}), over the same registry as the MLflow
 * endpoints. They read, list, update (owner, comment), delete and move aliases ({@code PUT
 * .../aliases/{alias}} with {@code version_num}); they cannot create versions. Aliases are in a
 * model's answer only with {@code include_aliases=true}, as the request classes offer it.
 */
final class UcModelsRoutes implements Routes {
  private static final String BASE = "/api/2.1/unity-catalog/models";
  private final UnityCatalog uc;
  private final UcModelRegistry models;

  UcModelsRoutes(WorkspaceState state) {
    this.uc = state.unityCatalog();
    this.models = uc.models();
  }

  @Override
  public void register(Router r) {
    r.add("GET", BASE, OTHER, guard(this::list));
    r.add(
        "POST",
        BASE,
        OTHER,
        guard(c -> {
          String name =
              c.required("catalog_name")
                  + "."
                  + c.required("schema_name")
                  + "."
                  + c.required("name");
          return Reply.json(model(uc.createModel(name, c.param("comment"), Map.of()), false));
        }));
    r.addPrefix("GET", BASE + "/", OTHER, guard(this::get));
    r.addPrefix("PATCH", BASE + "/", OTHER, guard(this::patch));
    r.addPrefix("PUT", BASE + "/", OTHER, guard(this::put));
    r.addPrefix("DELETE", BASE + "/", OTHER, guard(this::delete));
  }

  private Router.Handler guard(Router.Handler h) {
    return UcGuard.guarded(uc, h);
  }

  /**
   * {@code {full_name}[/versions[/{n}] | /aliases/{alias}]} split into the model and what follows.
   */
  private record Target(String model, String kind, String rest) {}

  private Target target(ApiCall c) {
    String path = c.path().substring(BASE.length() + 1);
    String[] p = path.split("/", 3);
    String model = uc.modelName(p[0]);
    return new Target(model, p.length > 1 ? p[1] : "", p.length > 2 ? p[2] : null);
  }

  private static long number(String raw) {
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException | NullPointerException e) {
      throw UcError.invalid("A model version is a number, got '" + raw + "'.");
    }
  }

  private Reply list(ApiCall c) {
    String catalog = c.param("catalog_name");
    String schema = c.param("schema_name");
    if (schema != null && catalog == null) {
      throw UcError.invalid("schema_name needs catalog_name.");
    }
    if (catalog != null) {
      uc.objects().catalog(UcNames.part(catalog, "catalog"));
    }
    if (schema != null) {
      uc.objects().schema(UcNames.part(catalog, "catalog"), UcNames.part(schema, "schema"));
    }
    String prefix =
        catalog == null
            ? ""
            : catalog.toLowerCase() + "." + (schema == null ? "" : schema.toLowerCase() + ".");
    List<UcModelRegistry.Model> all =
        models.models().stream().filter(m -> m.fullName().startsWith(prefix)).toList();
    return Reply.json(
        UcPage.of(c, "max_results", all, "registered_models", m -> model(m, false), uc));
  }

  private Reply get(ApiCall c) {
    Target t = target(c);
    boolean aliases = c.flag("include_aliases");
    return switch (t.kind()) {
      case "" -> Reply.json(model(models.require(t.model()), aliases));
      case "versions" ->
          t.rest() == null
              ? Reply.json(
                  UcPage.of(
                      c,
                      "max_results",
                      models.versions(t.model()),
                      "model_versions",
                      v -> version(v, false),
                      uc))
              : Reply.json(version(models.version(t.model(), number(t.rest())), aliases));
      case "aliases" -> Reply.json(version(models.byAlias(t.model(), t.rest()), aliases));
      default -> throw ApiError.notFound("No API found for 'GET " + c.path() + "'");
    };
  }

  private Reply patch(ApiCall c) {
    Target t = target(c);
    if (t.kind().equals("versions") && t.rest() != null) {
      return Reply.json(
          version(
              models.updateVersion(
                  t.model(), number(t.rest()), c.param("comment"), uc.currentUser(), uc.now()),
              false));
    }
    if (!t.kind().isEmpty()) {
      throw ApiError.notFound("No API found for 'PATCH " + c.path() + "'");
    }
    if (c.param("new_name") != null) {
      throw UcError.invalid("The stand-in does not rename registered models (new_name).");
    }
    String owner = c.param("owner");
    return Reply.json(
        model(
            models.update(
                t.model(),
                c.param("comment"),
                owner == null ? null : uc.requirePrincipal(owner),
                uc.currentUser(),
                uc.now()),
            false));
  }

  /**
   * {@code PUT {full_name}/aliases/{alias}} with {@code {"version_num": n}}: a {@code
   * RegisteredModelAlias}.
   */
  private Reply put(ApiCall c) {
    Target t = target(c);
    if (!t.kind().equals("aliases") || t.rest() == null) {
      throw ApiError.notFound("No API found for 'PUT " + c.path() + "'");
    }
    long number = number(c.param("version_num"));
    models.setAlias(t.model(), t.rest(), number);
    return Reply.json(alias(t.model(), t.rest(), number));
  }

  private Reply delete(ApiCall c) {
    Target t = target(c);
    switch (t.kind()) {
      case "" -> {
        models.delete(t.model());
        uc.grants().forget(new UcSecurable(UcSecurable.Type.FUNCTION, t.model()));
      }
      case "aliases" -> models.deleteAlias(t.model(), t.rest());
      case "versions" -> models.deleteVersion(t.model(), number(t.rest()));
      default -> throw ApiError.notFound("No API found for 'DELETE " + c.path() + "'");
    }
    return Reply.ok();
  }

  private ObjectNode model(UcModelRegistry.Model m, boolean withAliases) {
    List<String> p = m.parts();
    ObjectNode n =
        Json.object()
            .put("name", p.get(2))
            .put("catalog_name", p.get(0))
            .put("schema_name", p.get(1))
            .put("full_name", m.fullName())
            .put("owner", m.owner())
            .put("storage_location", m.storageLocation())
            .put("metastore_id", uc.metastoreId())
            .put("browse_only", false)
            .put("created_at", m.createdAt())
            .put("created_by", m.createdBy())
            .put("updated_at", m.updatedAt())
            .put("updated_by", m.updatedBy());
    if (m.description() != null) {
      n.put("comment", m.description());
    }
    if (withAliases) {
      ArrayNode a = n.putArray("aliases");
      m.aliases().forEach((alias, v) -> a.add(alias(m.fullName(), alias, v)));
    }
    return n;
  }

  private ObjectNode alias(String model, String alias, long version) {
    List<String> p = List.of(model.split("\\."));
    return Json.object()
        .put("alias_name", alias)
        .put("version_num", version)
        .put("catalog_name", p.get(0))
        .put("schema_name", p.get(1))
        .put("model_name", p.get(2));
  }

  private ObjectNode version(UcModelRegistry.Version v, boolean withAliases) {
    List<String> p = List.of(v.model().split("\\."));
    ObjectNode n =
        Json.object()
            .put("model_name", p.get(2))
            .put("catalog_name", p.get(0))
            .put("schema_name", p.get(1))
            .put("version", v.version())
            .put("id", v.id())
            .put("source", v.source())
            .put("status", v.status().name())
            .put("storage_location", v.storageLocation())
            .put("metastore_id", uc.metastoreId())
            .put("created_at", v.createdAt())
            .put("created_by", v.createdBy())
            .put("updated_at", v.updatedAt())
            .put("updated_by", v.updatedBy());
    if (v.runId() != null) {
      n.put("run_id", v.runId());
    }
    if (v.description() != null) {
      n.put("comment", v.description());
    }
    if (withAliases) {
      ArrayNode a = n.putArray("aliases");
      models.aliasesOf(v).forEach(alias -> a.add(alias(v.model(), alias, v.version())));
    }
    return n;
  }
}
