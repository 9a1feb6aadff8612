package ca.gc.fsdh.bot.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the configuration file is: {@code --config}, else {@code $FSDH_CONFIG}, else {@code
 * fsdh.yml}.
 */
final class ConfigFile {
  private ConfigFile() {}

  static Path resolve(Path option, Map<String, String> env) {
    if (option != null) {
      return option;
    }
    String fromEnv = env.get("FSDH_CONFIG");
    return fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : Path.of("fsdh.yml");
  }
}
