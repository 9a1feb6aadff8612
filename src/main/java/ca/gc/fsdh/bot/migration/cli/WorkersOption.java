package ca.gc.fsdh.bot.migration.cli;

import picocli.CommandLine.Option;

/** {@code --workers}: worker threads per resource type (a picocli mixin). */
public final class WorkersOption {
  @Option(
      names = "--workers",
      defaultValue = "8",
      description = "Worker threads per resource type (default: ${DEFAULT-VALUE}).")
  int workers;

  int count() {
    return workers;
  }
}
