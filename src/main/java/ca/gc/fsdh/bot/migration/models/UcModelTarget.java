package ca.gc.fsdh.bot.migration.models;

import java.util.Locale;

/**
 * Where workspace-registry models land in Unity Catalog: {@code catalog.schema.<model>}, the model
 * part made a valid UC name. UC names: at most 255 characters, no period, space, forward slash,
 * ASCII control character or DEL, stored lower case (docs.databricks.com {@code sql-ref-names}; the
 * UC "requirements and limitations" page); workspace-registry names may hold any of those, so each
 * becomes {@code _}. Two POC names that end up equal are refused by the importer, never merged.
 */
public record UcModelTarget(String catalog, String schema) {
  static final int MAX_LENGTH = 255;

  public UcModelTarget {
    catalog = part(catalog);
    schema = part(schema);
  }

  /** Parses {@code catalog.schema}. */
  public static UcModelTarget parse(String catalogDotSchema) {
    String[] p = catalogDotSchema.split("\\.", -1);
    if (p.length != 2 || p[0].isBlank() || p[1].isBlank()) {
      throw new IllegalArgumentException(
          "a model schema is catalog.schema (two parts), got '" + catalogDotSchema + "'");
    }
    return new UcModelTarget(p[0], p[1]);
  }

  /** {@code catalog.schema.model} for a workspace-registry model name. */
  public String fullName(String pocModel) {
    return catalog + "." + schema + "." + modelPart(pocModel);
  }

  @Override
  public String toString() {
    return catalog + "." + schema;
  }

  /** A workspace-registry name as a UC name part: lower case, forbidden characters as {@code _}. */
  static String modelPart(String name) {
    var sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      sb.append(c == '.' || c == ' ' || c == '/' || c < 0x20 || c == 0x7f ? '_' : c);
    }
    String s = sb.toString().toLowerCase(Locale.ROOT);
    return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) : s;
  }

  private static String part(String raw) {
    if (raw == null || raw.isBlank()) throw new IllegalArgumentException("empty catalog or schema");
    String s = raw.toLowerCase(Locale.ROOT);
    if (!modelPart(s).equals(s)) {
      throw new IllegalArgumentException(
          "'"
              + raw
              + "' is not a valid Unity Catalog name (period, space, slash or control character)");
    }
    return s;
  }
}
