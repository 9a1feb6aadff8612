package ca.gc.fsdh.bot.migration.cli;

import picocli.CommandLine.Option;

/**
 * {@code --json}: the result as JSON on stdout instead of text, and no progress bar (a picocli
 * mixin).
 */
public final class JsonOption {
  @Option(names = "--json", description = "Print the result as JSON instead of text.")
  boolean json;

  boolean on() {
    return json;
  }
}
