package ca.gc.fsdh.bot.migration.spi;

import java.util.Locale;

/** Which model registry of PROD receives the POC's workspace-registry models. */
public enum ModelRegistryTarget {
  /** Unity Catalog when PROD has a metastore and a catalog for models, else the workspace one. */
  AUTO,
  /** PROD's workspace model registry (legacy in a Unity Catalog workspace). */
  WORKSPACE,
  /** {@code catalog.schema.model} in PROD's Unity Catalog metastore. */
  UNITY_CATALOG;

  /**
   * {@code auto}, {@code workspace} or {@code unity-catalog} (any case, {@code _} for {@code -}).
   */
  public static ModelRegistryTarget parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "model registry '" + s + "': expected auto, workspace or unity-catalog", e);
    }
  }

  /** The word the command line, the mapping file and the configuration use. */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
