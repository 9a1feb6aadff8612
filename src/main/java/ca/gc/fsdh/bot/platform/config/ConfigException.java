package ca.gc.fsdh.bot.platform.config;

import java.util.List;

/** A configuration that cannot be used: one line per problem, each naming its key. */
public final class ConfigException extends RuntimeException {
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
