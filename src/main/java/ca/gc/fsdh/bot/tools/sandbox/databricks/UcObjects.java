package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The catalogs, schemas and tables of the metastore, and the workspace's {@code hive_metastore}
 * surfaced as one more catalog when the workspace has it: "All data objects registered in the
 * legacy Hive metastore are surfaced in Unity Catalog interfaces in the hive_metastore catalog"
 * (docs.databricks.com {@code database-objects/hive-metastore}). Its schemas, tables and owners are
 * those of the legacy {@link TableAclStore}, read-only from here.
 */
final class UcObjects {
  record Catalog(
      String name,
      String owner,
      String comment,
      long createdAt,
      String createdBy,
      long updatedAt,
      String updatedBy) {
    Catalog with(String newOwner, String newComment, long now, String by) {
      return new Catalog(name, newOwner, newComment, createdAt, createdBy, now, by);
    }
  }

  record Schema(
      String catalog,
      String name,
      String owner,
      String comment,
      long createdAt,
      String createdBy,
      long updatedAt,
      String updatedBy) {
    String fullName() {
      return catalog + "." + name;
    }

    Schema with(String newOwner, String newComment, long now, String by) {
      return new Schema(catalog, name, newOwner, newComment, createdAt, createdBy, now, by);
    }
  }

  record Table(
      String catalog,
      String schema,
      String name,
      boolean view,
      String owner,
      String id,
      long createdAt,
      String createdBy,
      long updatedAt,
      String updatedBy) {
    String fullName() {
      return catalog + "." + schema + "." + name;
    }

    Table withOwner(String newOwner, long now, String by) {
      return new Table(catalog, schema, name, view, newOwner, id, createdAt, createdBy, now, by);
    }
  }

  private final Map<String, Catalog> catalogs = new ConcurrentSkipListMap<>();
  private final Map<String, Schema> schemas = new ConcurrentSkipListMap<>();
  private final Map<String, Table> tables = new ConcurrentSkipListMap<>();
  private final TableAclStore hive;
  private final BooleanSupplier hivePresent;
  private final LongSupplier now;

  UcObjects(TableAclStore hive, BooleanSupplier hivePresent, LongSupplier now) {
    this.hive = hive;
    this.hivePresent = hivePresent;
    this.now = now;
  }

  boolean isHive(String catalog) {
    return catalog.equals(UnityCatalog.HIVE_METASTORE);
  }

  List<Catalog> catalogs() {
    List<Catalog> out = new ArrayList<>(catalogs.values());
    if (hivePresent.getAsBoolean()) {
      out.add(hiveCatalog());
      out.sort((a, b) -> a.name().compareTo(b.name()));
    }
    return out;
  }

  Catalog catalog(String name) {
    if (isHive(name) && hivePresent.getAsBoolean()) {
      return hiveCatalog();
    }
    Catalog c = catalogs.get(name);
    if (c == null) {
      throw UcError.noCatalog(name);
    }
    return c;
  }

  synchronized Catalog createCatalog(String name, String owner, String comment) {
    if (catalogs.containsKey(name) || isHive(name)) {
      throw UcError.exists("CATALOG", List.of(name));
    }
    long t = now.getAsLong();
    Catalog c = new Catalog(name, owner, comment, t, owner, t, owner);
    catalogs.put(name, c);
    return c;
  }

  List<Schema> schemas(String catalog) {
    catalog(catalog);
    if (isHive(catalog)) {
      return hive.databases().stream().map(this::hiveSchema).toList();
    }
    return schemas.values().stream().filter(s -> s.catalog().equals(catalog)).toList();
  }

  Schema schema(String catalog, String schema) {
    catalog(catalog);
    if (isHive(catalog)) {
      if (!hive.databases().contains(schema)) {
        throw UcError.noSchema(catalog, schema);
      }
      return hiveSchema(schema);
    }
    Schema s = schemas.get(catalog + "." + schema);
    if (s == null) {
      throw UcError.noSchema(catalog, schema);
    }
    return s;
  }

  synchronized Schema createSchema(String catalog, String name, String owner, String comment) {
    catalog(catalog);
    if (isHive(catalog)) {
      throw UcError.invalid("The stand-in creates hive_metastore databases through SQL only.");
    }
    if (schemas.containsKey(catalog + "." + name)) {
      throw UcError.exists("SCHEMA", List.of(catalog, name));
    }
    long t = now.getAsLong();
    Schema s = new Schema(catalog, name, owner, comment, t, owner, t, owner);
    schemas.put(s.fullName(), s);
    return s;
  }

  List<Table> tables(String catalog, String schema) {
    schema(catalog, schema);
    if (isHive(catalog)) {
      List<Table> out = new ArrayList<>();
      hive.tables(schema).forEach((t, kind) -> out.add(hiveTable(schema, t, kind.equals("VIEW"))));
      return out;
    }
    String prefix = catalog + "." + schema + ".";
    return tables.values().stream().filter(t -> t.fullName().startsWith(prefix)).toList();
  }

  Table table(String catalog, String schema, String name) {
    schema(catalog, schema);
    if (isHive(catalog)) {
      String kind = hive.tables(schema).get(name);
      if (kind == null) {
        throw UcError.noTable(catalog + "." + schema + "." + name);
      }
      return hiveTable(schema, name, kind.equals("VIEW"));
    }
    Table t = tables.get(catalog + "." + schema + "." + name);
    if (t == null) {
      throw UcError.noTable(catalog + "." + schema + "." + name);
    }
    return t;
  }

  synchronized Table createTable(
      String catalog, String schema, String name, boolean view, String owner) {
    schema(catalog, schema);
    if (isHive(catalog)) {
      throw UcError.invalid("The stand-in creates hive_metastore tables through SQL only.");
    }
    String key = catalog + "." + schema + "." + name;
    if (tables.containsKey(key)) {
      throw UcError.exists("TABLE", List.of(catalog, schema, name));
    }
    long t = now.getAsLong();
    Table table =
        new Table(
            catalog,
            schema,
            name,
            view,
            owner,
            UUID.nameUUIDFromBytes(key.getBytes()).toString(),
            t,
            owner,
            t,
            owner);
    tables.put(key, table);
    return table;
  }

  /**
   * Changes an owner and, when given, a comment. hive_metastore objects change through SQL only.
   */
  synchronized void update(UcSecurable s, String owner, String comment, String by) {
    List<String> p = s.parts();
    if (isHive(p.getFirst())) {
      throw UcError.invalid(
          "Objects of hive_metastore are read-only through the Unity Catalog API; use SQL"
              + " (ALTER ... OWNER TO) on a warehouse.");
    }
    long t = now.getAsLong();
    switch (s.type()) {
      case CATALOG -> {
        Catalog c = catalog(p.get(0));
        catalogs.put(
            c.name(),
            c.with(
                owner != null ? owner : c.owner(), comment != null ? comment : c.comment(), t, by));
      }
      case SCHEMA -> {
        Schema sc = schema(p.get(0), p.get(1));
        schemas.put(
            sc.fullName(),
            sc.with(
                owner != null ? owner : sc.owner(),
                comment != null ? comment : sc.comment(),
                t,
                by));
      }
      case TABLE -> {
        Table tb = table(p.get(0), p.get(1), p.get(2));
        tables.put(tb.fullName(), tb.withOwner(owner != null ? owner : tb.owner(), t, by));
      }
      case FUNCTION -> throw new IllegalArgumentException("functions are registered models: " + s);
    }
  }

  private Catalog hiveCatalog() {
    return new Catalog(
        UnityCatalog.HIVE_METASTORE,
        legacyOwner("CATALOG$", ""),
        "The legacy Hive metastore of the" + " workspace.",
        0,
        null,
        0,
        null);
  }

  private Schema hiveSchema(String db) {
    return new Schema(
        UnityCatalog.HIVE_METASTORE, db, legacyOwner("DATABASE", db), null, 0, null, 0, null);
  }

  private Table hiveTable(String db, String name, boolean view) {
    String key = db + "." + name;
    return new Table(
        UnityCatalog.HIVE_METASTORE,
        db,
        name,
        view,
        legacyOwner("TABLE", key),
        UUID.nameUUIDFromBytes(("hive_metastore." + key).getBytes()).toString(),
        0,
        null,
        0,
        null);
  }

  private String legacyOwner(String objectType, String key) {
    return hive.grantsOn(objectType, key).stream()
        .filter(g -> g.actionType().equals("OWN"))
        .map(TableGrant::principal)
        .findFirst()
        .orElse(null);
  }
}
