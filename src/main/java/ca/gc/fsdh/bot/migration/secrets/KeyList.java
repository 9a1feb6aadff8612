package ca.gc.fsdh.bot.migration.secrets;

import java.util.Collection;

/**
 * Secret keys for a report line: a scope can hold 1,000 of them, so a line names the first few and
 * counts the rest instead of printing every key.
 */
public final class KeyList {
  static final int SHOWN = 10;

  private KeyList() {}

  /** {@code "a, b, c"}, or {@code "a, b, ... and 990 more"}. */
  public static String of(Collection<String> keys) {
    var sb = new StringBuilder();
    int n = 0;
    for (String k : keys) {
      if (n == SHOWN)
        return sb.append(" ... and ").append(keys.size() - SHOWN).append(" more").toString();
      if (n++ > 0) sb.append(", ");
      sb.append(k);
    }
    return sb.toString();
  }
}
