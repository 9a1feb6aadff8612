package ca.gc.fsdh.bot.migration.cli;

import ca.gc.fsdh.bot.migration.spi.ModelRegistryTarget;
import ca.gc.fsdh.bot.migration.spi.ModelTargetOptions;
import java.util.Optional;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * {@code --model-registry}, {@code --model-schema} and {@code --blob-endpoint}: where models go
 * (docs/import.md, "Models into Unity Catalog"). Unset, the mapping file's {@code models} section
 * and then PROD decide.
 */
final class ModelTargetOption {
  /** The stand-in prints this variable; production leaves it unset (Azure's own blob URLs). */
  static final String BLOB_ENDPOINT_ENV = "AZURE_BLOB_ENDPOINT";

  UnaryOperator<String> environment = System::getenv;

  @Option(
      names = "--model-registry",
      paramLabel = "auto|workspace|unity-catalog",
      description =
          "Registry that receives the models (default: the mapping file's models.registry, else auto:"
              + " Unity Catalog when PROD has a metastore).")
  String registry;

  @Option(
      names = "--model-schema",
      paramLabel = "CATALOG.SCHEMA",
      description =
          "Unity Catalog schema for the models (default: the mapping file's models.schema, else"
              + " PROD's default catalog, schema default).")
  String schema;

  @Option(
      names = "--blob-endpoint",
      paramLabel = "URL",
      description =
          "Emulator-style blob endpoint for model files (a local stand-in; env "
              + BLOB_ENDPOINT_ENV
              + "); default: https://<account>.blob.core.windows.net.")
  String blobEndpoint;

  ModelTargetOptions options() {
    return new ModelTargetOptions(
        registry == null ? ModelRegistryTarget.AUTO : ModelRegistryTarget.parse(registry),
        Optional.ofNullable(schema),
        Optional.ofNullable(blobEndpoint)
            .or(() -> Optional.ofNullable(environment.apply(BLOB_ENDPOINT_ENV))));
  }
}
