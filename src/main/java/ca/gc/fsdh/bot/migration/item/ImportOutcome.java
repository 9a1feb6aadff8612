package ca.gc.fsdh.bot.migration.item;

/**
 * What an import did to one item in the target. CREATED, OVERWRITTEN and SKIPPED are final: a rerun
 * leaves such items alone. FAILED is tried again on a rerun.
 */
public enum ImportOutcome {
  CREATED,
  OVERWRITTEN,
  /** The item already existed in the target and the policy for its type is {@code skip}. */
  SKIPPED,
  FAILED,
  /**
   * Journaled before the first write to an item, so a rerun knows the item is its own (not the
   * lead's).
   */
  STARTED;

  public boolean isFinal() {
    return this != FAILED && this != STARTED;
  }

  /** The export-side status a {@link ProgressListener} understands. */
  public ItemStatus asItemStatus() {
    return switch (this) {
      case CREATED, OVERWRITTEN -> ItemStatus.EXPORTED;
      case SKIPPED -> ItemStatus.SKIPPED;
      case FAILED, STARTED -> ItemStatus.FAILED;
    };
  }
}
