package ca.gc.fsdh.bot.migration.item;

/**
 * Receives progress of a plan or an export. The migration core knows nothing of Slack or terminals:
 * the CLI progress bar and the Slack status message both implement this.
 *
 * <p>Called from worker threads, concurrently: implementations must be thread-safe and quick.
 */
public interface ProgressListener {
  /** Items of a type found so far (grows while the workspace is being walked). */
  default void discovered(ResourceType type, long total) {}

  /** One item finished, in any status; {@code resumed} when a previous run had already done it. */
  default void itemDone(ResourceType type, String id, ItemStatus status, boolean resumed) {}

  /** A type is complete. */
  default void typeDone(ResourceType type) {}

  ProgressListener NONE = new ProgressListener() {};
}
