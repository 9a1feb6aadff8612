package ca.gc.fsdh.bot.migration.item;

/**
 * What happened to one item. EXPORTED and SKIPPED are final; a FAILED item is tried again on a
 * rerun.
 */
public enum ItemStatus {
  EXPORTED,
  SKIPPED,
  FAILED;

  public boolean isFinal() {
    return this != FAILED;
  }
}
