package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.OTHER;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The metastore and its catalogs, schemas and tables as the SDK's {@code metastores()}, {@code
 * catalogs()}, {@code schemas()} and {@code tables()} call them ({@code
 * /api/2.1/unity-catalog/...}; paths, fields and paging from SDK 0.141's {@code *Impl} and model
 * classes). Updates change the owner (and a comment); an owner must be an account principal. Unity
 * Catalog endpoints have no published rate limit: they are in {@link EndpointGroup#OTHER}, as the
 * migration client files them.
 */
final class UcCatalogRoutes implements Routes {
  private static final String BASE = "/api/2.1/unity-catalog/";
  private final UnityCatalog uc;

  UcCatalogRoutes(WorkspaceState state) {
    this.uc = state.unityCatalog();
  }

  @Override
  public void register(Router r) {
    r.add(
        "GET",
        BASE + "current-metastore-assignment",
        OTHER,
        guard(c ->
            Reply.json(
                Json.object()
                    .put("metastore_id", uc.metastoreId())
                    .put("workspace_id", uc.workspaceId())
                    .put("default_catalog_name", uc.defaultCatalog()))));
    r.add("GET", BASE + "metastore_summary", OTHER, guard(c -> Reply.json(summary())));
    r.add(
        "GET",
        BASE + "catalogs",
        OTHER,
        guard(c ->
            Reply.json(
                UcPage.of(
                    c, "max_results", uc.objects().catalogs(), "catalogs", this::catalog, uc))));
    r.add(
        "POST",
        BASE + "catalogs",
        OTHER,
        guard(c ->
            Reply.json(
                catalog(
                    uc.objects()
                        .createCatalog(
                            UcNames.part(c.required("name"), "catalog"),
                            uc.currentUser(),
                            c.param("comment"))))));
    r.addPrefix(
        "GET",
        BASE + "catalogs/",
        OTHER,
        guard(c ->
            Reply.json(
                catalog(
                    uc.objects()
                        .catalog(UcNames.split(rest(c, "catalogs/"), 1, "catalog").getFirst())))));
    r.addPrefix(
        "PATCH",
        BASE + "catalogs/",
        OTHER,
        guard(c -> {
          String name = UcNames.split(rest(c, "catalogs/"), 1, "catalog").getFirst();
          update(c, UcSecurable.catalog(name));
          return Reply.json(catalog(uc.objects().catalog(name)));
        }));
    r.add(
        "GET",
        BASE + "schemas",
        OTHER,
        guard(c -> {
          String catalog = UcNames.part(c.required("catalog_name"), "catalog");
          return Reply.json(
              UcPage.of(
                  c, "max_results", uc.objects().schemas(catalog), "schemas", this::schema, uc));
        }));
    r.add(
        "POST",
        BASE + "schemas",
        OTHER,
        guard(c ->
            Reply.json(
                schema(
                    uc.objects()
                        .createSchema(
                            UcNames.part(c.required("catalog_name"), "catalog"),
                                UcNames.part(c.required("name"), "schema"),
                            uc.currentUser(), c.param("comment"))))));
    r.addPrefix(
        "GET",
        BASE + "schemas/",
        OTHER,
        guard(c -> {
          List<String> p = UcNames.split(rest(c, "schemas/"), 2, "schema");
          return Reply.json(schema(uc.objects().schema(p.get(0), p.get(1))));
        }));
    r.addPrefix(
        "PATCH",
        BASE + "schemas/",
        OTHER,
        guard(c -> {
          List<String> p = UcNames.split(rest(c, "schemas/"), 2, "schema");
          update(c, UcSecurable.schema(p.get(0), p.get(1)));
          return Reply.json(schema(uc.objects().schema(p.get(0), p.get(1))));
        }));
    r.add(
        "GET",
        BASE + "tables",
        OTHER,
        guard(c -> {
          String catalog = UcNames.part(c.required("catalog_name"), "catalog");
          String schema = UcNames.part(c.required("schema_name"), "schema");
          return Reply.json(
              UcPage.of(
                  c,
                  "max_results",
                  uc.objects().tables(catalog, schema),
                  "tables",
                  this::table,
                  uc));
        }));
    r.addPrefix("GET", BASE + "tables/", OTHER, guard(this::getTable));
    r.addPrefix(
        "PATCH",
        BASE + "tables/",
        OTHER,
        guard(c -> {
          List<String> p = UcNames.split(rest(c, "tables/"), 3, "table");
          update(c, new UcSecurable(UcSecurable.Type.TABLE, String.join(".", p)));
          return Reply.ok();
        }));
  }

  private Router.Handler guard(Router.Handler h) {
    return UcGuard.guarded(uc, h);
  }

  private static String rest(ApiCall c, String after) {
    return c.path().substring((BASE + after).length());
  }

  /**
   * {@code tables/{full_name}} or {@code tables/{full_name}/exists} ({@code TableExistsResponse}).
   */
  private Reply getTable(ApiCall c) {
    String rest = rest(c, "tables/");
    if (rest.endsWith("/exists")) {
      List<String> p =
          UcNames.split(rest.substring(0, rest.length() - "/exists".length()), 3, "table");
      uc.objects().schema(p.get(0), p.get(1));
      boolean exists =
          uc.objects().tables(p.get(0), p.get(1)).stream().anyMatch(t -> t.name().equals(p.get(2)));
      return Reply.json(Json.object().put("table_exists", exists));
    }
    List<String> p = UcNames.split(rest, 3, "table");
    return Reply.json(table(uc.objects().table(p.get(0), p.get(1), p.get(2))));
  }

  /** PATCH: {@code owner} and {@code comment}; renaming is not served. */
  private void update(ApiCall c, UcSecurable s) {
    if (c.param("new_name") != null) {
      throw UcError.invalid("The stand-in does not rename catalogs, schemas or tables (new_name).");
    }
    String owner = c.param("owner");
    uc.objects()
        .update(
            s,
            owner == null ? null : uc.requirePrincipal(owner),
            c.param("comment"),
            uc.currentUser());
  }

  private ObjectNode summary() {
    return Json.object()
        .put("metastore_id", uc.metastoreId())
        .put("name", "fsdh-prod-canadacentral")
        .put("owner", "fsdh-metastore-admins")
        .put("region", "canadacentral")
        .put("cloud", "azure")
        .put("storage_root", uc.storageRoot())
        .put("privilege_model_version", "1.0")
        .put("global_metastore_id", "azure:canadacentral:" + uc.metastoreId());
  }

  private ObjectNode catalog(UcObjects.Catalog c) {
    ObjectNode n =
        Json.object()
            .put("name", c.name())
            .put("full_name", c.name())
            .put("metastore_id", uc.metastoreId())
            .put("securable_type", "CATALOG")
            .put("browse_only", false);
    if (!uc.objects().isHive(c.name())) {
      n.put("catalog_type", "MANAGED_CATALOG")
          .put("isolation_mode", "OPEN")
          .put("storage_root", uc.storageRoot() + "/catalogs/" + c.name());
    }
    return common(
        n, c.owner(), c.comment(), c.createdAt(), c.createdBy(), c.updatedAt(), c.updatedBy());
  }

  private ObjectNode schema(UcObjects.Schema s) {
    ObjectNode n =
        Json.object()
            .put("name", s.name())
            .put("catalog_name", s.catalog())
            .put("full_name", s.fullName())
            .put("metastore_id", uc.metastoreId())
            .put("browse_only", false);
    return common(
        n, s.owner(), s.comment(), s.createdAt(), s.createdBy(), s.updatedAt(), s.updatedBy());
  }

  private ObjectNode table(UcObjects.Table t) {
    ObjectNode n =
        Json.object()
            .put("name", t.name())
            .put("catalog_name", t.catalog())
            .put("schema_name", t.schema())
            .put("full_name", t.fullName())
            .put("table_type", t.view() ? "VIEW" : "MANAGED")
            .put("table_id", t.id())
            .put("metastore_id", uc.metastoreId())
            .put("browse_only", false);
    if (t.view()) {
      n.put("view_definition", "SELECT 1");
    } else {
      n.put("data_source_format", "DELTA");
    }
    return common(n, t.owner(), null, t.createdAt(), t.createdBy(), t.updatedAt(), t.updatedBy());
  }

  private static ObjectNode common(
      ObjectNode n,
      String owner,
      String comment,
      long createdAt,
      String createdBy,
      long updatedAt,
      String updatedBy) {
    if (owner != null) {
      n.put("owner", owner);
    }
    if (comment != null) {
      n.put("comment", comment);
    }
    if (createdBy != null) {
      n.put("created_at", createdAt)
          .put("created_by", createdBy)
          .put("updated_at", updatedAt)
          .put("updated_by", updatedBy);
    }
    return n;
  }
}
