package ca.gc.fsdh.bot.requests;

/** How far one resource type is: items found so far, finished, and failed among the finished. */
public record TypeProgress(long total, long done, long failed) {
  public static final TypeProgress NONE = new TypeProgress(0, 0, 0);
}
