package ca.gc.fsdh.bot.platform.config;

import java.util.Objects;

/** A credential read from the environment. Its {@code toString} never shows the value. */
public record Secret(String variable, String value) {
  public Secret {
    Objects.requireNonNull(variable, "variable == null");
    Objects.requireNonNull(value, "value == null");
  }

  @Override
  public String toString() {
    return "Secret[" + variable + "=****]";
  }
}
