package ca.gc.fsdh.bot.migration.spi;

import ca.gc.fsdh.bot.migration.target.TargetCatalogs;
import java.util.Locale;

/**
 * Where table ACLs are replayed in PROD: the legacy {@code hive_metastore} (table-ACL SQL, names
 * qualified with {@code hive_metastore}) or Unity Catalog (privileges translated as UCX does). AUTO
 * takes Unity Catalog when PROD has a metastore, else hive_metastore.
 */
public enum TableAclTarget {
  AUTO,
  HIVE_METASTORE,
  UNITY_CATALOG;

  /**
   * The concrete target for a PROD workspace.
   *
   * @throws IllegalArgumentException when the choice cannot work there: Unity Catalog without a
   *     metastore, hive_metastore where the account disabled it
   */
  public TableAclTarget resolve(TargetCatalogs prod) {
    return switch (this) {
      case AUTO -> prod.unityCatalog() ? UNITY_CATALOG : HIVE_METASTORE;
      case UNITY_CATALOG -> {
        if (!prod.unityCatalog())
          throw new IllegalArgumentException(
              "table ACLs into Unity Catalog, but PROD has no metastore assigned");
        yield UNITY_CATALOG;
      }
      case HIVE_METASTORE -> {
        if (!prod.hiveMetastore())
          throw new IllegalArgumentException(
              "table ACLs into hive_metastore, but PROD has no hive_metastore catalog (legacy"
                  + " features disabled): use unity-catalog");
        yield HIVE_METASTORE;
      }
    };
  }

  /** The option's word: {@code auto}, {@code hive-metastore}, {@code unity-catalog}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Reads the option's word, in either spelling ({@code unity-catalog}, {@code UNITY_CATALOG}). */
  public static TableAclTarget parse(String word) {
    String w = word.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (TableAclTarget t : values()) if (t.name().equals(w)) return t;
    throw new IllegalArgumentException(
        "table ACL target must be auto, hive-metastore or unity-catalog: " + word);
  }
}
