package ca.gc.fsdh.bot.migration.cli;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import java.util.Set;
import picocli.CommandLine.Option;

/** {@code --types}: which resource types a command works on (a picocli mixin). */
public final class TypesOption {
  @Option(
      names = "--types",
      description =
          "Comma-separated: notebooks,repos,jobs,secrets,tableacls,models (default: all).")
  String types;

  Set<ResourceType> set() {
    return ResourceType.parseList(types);
  }
}
