package ca.gc.fsdh.bot.migration.spi;

import java.util.Locale;

/** What an import does with an item that already exists in the target. */
public enum ExistingPolicy {
  /** Leave the target's item as it is (the report says so). */
  SKIP,
  /** Replace the target's item with the bundle's. */
  OVERWRITE;

  public static ExistingPolicy ofName(String s) {
    return valueOf(s.trim().toUpperCase(Locale.ROOT));
  }
}
