package ca.gc.fsdh.bot.migration.cli;

import ca.gc.fsdh.bot.migration.mapping.MappingFile;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --mapping}: the POC-to-PROD mapping file (a picocli mixin). */
public final class MappingOption {
  @Option(
      names = "--mapping",
      description =
          "Mapping file (YAML or JSON; see docs/import.md); verify takes the one the import used.")
  Path mapping;

  /** The file read, or the empty mapping when none is given. */
  MappingFile read() throws IOException {
    return mapping == null ? MappingFile.empty() : MappingFile.read(mapping);
  }
}
