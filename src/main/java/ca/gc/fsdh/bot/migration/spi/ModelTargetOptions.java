package ca.gc.fsdh.bot.migration.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * Where models go, as the command line or the bot's per-workspace configuration says; what it
 * leaves unset comes from the mapping file's {@code models} section, then from PROD itself.
 *
 * @param registry the registry, {@link ModelRegistryTarget#AUTO} to decide from PROD
 * @param schema {@code catalog.schema} (or just {@code schema}, in PROD's default catalog) for
 *     Unity Catalog models
 * @param blobEndpoint the base URL of an emulator-style blob endpoint ({@code
 *     <endpoint>/<account>/<container>/<path>}) instead of {@code
 *     https://<account>.blob.core.windows.net}; only for a local stand-in
 */
public record ModelTargetOptions(
    ModelRegistryTarget registry, Optional<String> schema, Optional<String> blobEndpoint) {
  public ModelTargetOptions {
    Objects.requireNonNull(registry, "registry == null");
    schema = schema.filter(s -> !s.isBlank());
    blobEndpoint = blobEndpoint.filter(s -> !s.isBlank());
  }

  public static ModelTargetOptions auto() {
    return new ModelTargetOptions(ModelRegistryTarget.AUTO, Optional.empty(), Optional.empty());
  }

  public ModelTargetOptions withRegistry(ModelRegistryTarget r) {
    return new ModelTargetOptions(r, schema, blobEndpoint);
  }

  public ModelTargetOptions withSchema(String s) {
    return new ModelTargetOptions(registry, Optional.ofNullable(s), blobEndpoint);
  }

  public ModelTargetOptions withBlobEndpoint(String e) {
    return new ModelTargetOptions(registry, schema, Optional.ofNullable(e));
  }
}
