package ca.gc.fsdh.bot.migration.cli;

import ca.gc.fsdh.bot.migration.spi.NotebookFormat;
import picocli.CommandLine.Option;

/** {@code --format}: how notebooks are exported (a picocli mixin). */
public final class NotebookFormatOption {
  @Option(
      names = "--format",
      defaultValue = "SOURCE",
      description =
          "Notebook format: SOURCE or JUPYTER (keeps outputs). Default: ${DEFAULT-VALUE}.")
  NotebookFormat format;

  NotebookFormat value() {
    return format;
  }
}
