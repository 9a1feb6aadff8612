package ca.gc.fsdh.bot.migration.models;

import ca.gc.fsdh.bot.migration.mapping.MappingFile;
import ca.gc.fsdh.bot.migration.spi.ModelRegistryTarget;
import ca.gc.fsdh.bot.migration.spi.ModelTargetOptions;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksError;
import java.util.Optional;

/**
 * Which registry of PROD receives the models, and for Unity Catalog which {@code catalog.schema}.
 * What the command line or the bot's configuration sets wins, then the mapping file's {@code
 * models} section, then PROD: with a metastore, Unity Catalog in PROD's default catalog, schema
 * {@value #DEFAULT_SCHEMA} (every catalog Databricks creates has it); without one, or when the
 * default catalog is {@code hive_metastore} (which holds no models) and no catalog is named, the
 * workspace registry.
 *
 * @param unityCatalog where models go in Unity Catalog; empty for the workspace registry
 * @param why how the choice was made, for the plan and the report
 */
public record ModelRegistryChoice(Optional<UcModelTarget> unityCatalog, String why) {
  public static final String DEFAULT_SCHEMA = "default";
  static final String HIVE_METASTORE = "hive_metastore";

  public static ModelRegistryChoice workspace(String why) {
    return new ModelRegistryChoice(Optional.empty(), why);
  }

  public static ModelRegistryChoice resolve(
      WorkspaceClient target, ModelTargetOptions options, MappingFile.Models mapped) {
    ModelRegistryTarget registry = options.registry();
    if (registry == ModelRegistryTarget.AUTO && mapped.registry() != null)
      registry = ModelRegistryTarget.parse(mapped.registry());
    Optional<String> schema = options.schema().or(() -> Optional.ofNullable(mapped.schema()));
    if (registry == ModelRegistryTarget.WORKSPACE)
      return workspace("the workspace model registry, as set");
    Optional<String> defaultCatalog = defaultCatalog(target);
    if (defaultCatalog.isEmpty()) {
      if (registry == ModelRegistryTarget.UNITY_CATALOG)
        throw new IllegalArgumentException(
            "models into Unity Catalog, but PROD has no Unity Catalog metastore assigned");
      return workspace("the workspace model registry (PROD has no Unity Catalog metastore)");
    }
    String catalog = defaultCatalog.get();
    String schemaName = DEFAULT_SCHEMA;
    String from = "PROD's default catalog";
    if (schema.isPresent()) {
      String s = schema.get();
      int dot = s.indexOf('.');
      if (dot >= 0) {
        catalog = s.substring(0, dot);
        schemaName = s.substring(dot + 1);
        from = "as set";
      } else {
        schemaName = s;
      }
    }
    if (catalog.equalsIgnoreCase(HIVE_METASTORE)) {
      if (registry == ModelRegistryTarget.UNITY_CATALOG || schema.isPresent())
        throw new IllegalArgumentException(
            "models cannot go into hive_metastore: name a Unity Catalog catalog (models schema"
                + " catalog.schema)");
      return workspace(
          "the workspace model registry (PROD's default catalog is hive_metastore, which holds no"
              + " models; set the models schema to catalog.schema for Unity Catalog)");
    }
    var where = new UcModelTarget(catalog, schemaName);
    return new ModelRegistryChoice(
        Optional.of(where),
        "Unity Catalog, as "
            + where
            + ".<model> ("
            + from
            + (schema.isPresent() ? "" : ", schema " + DEFAULT_SCHEMA)
            + ")");
  }

  /** PROD's default catalog, or empty when no metastore is assigned. */
  static Optional<String> defaultCatalog(WorkspaceClient target) {
    try {
      var a = target.metastores().current();
      return Optional.ofNullable(a == null ? null : a.getDefaultCatalogName())
          .or(() -> Optional.of(HIVE_METASTORE));
    } catch (DatabricksError e) {
      if (e.getStatusCode() == 404 || "METASTORE_DOES_NOT_EXIST".equals(e.getErrorCode()))
        return Optional.empty();
      throw e;
    }
  }

  /** One line for the plan and the report: where models land. */
  public String describe() {
    return "models: " + why;
  }

  /**
   * The plan's line on where models will land; a choice PROD cannot take is said, not thrown (the
   * import then fails every model with the same reason).
   */
  public static String planLine(
      WorkspaceClient target, ModelTargetOptions options, MappingFile.Models mapped) {
    try {
      return resolve(target, options, mapped).describe();
    } catch (IllegalArgumentException e) {
      return "models: cannot be imported as set: " + e.getMessage();
    }
  }
}
