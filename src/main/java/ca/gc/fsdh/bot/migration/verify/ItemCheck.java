package ca.gc.fsdh.bot.migration.verify;

import java.util.List;

/**
 * The verification of one item: what it is in the bundle, where it is in the target, and every
 * difference found (empty when it matches).
 */
public record ItemCheck(
    String type, String id, String target, Status status, List<String> differences) {
  public enum Status {
    MATCH,
    MISMATCH,
    MISSING,
    /** Present, but a part could not be compared (said in {@code differences}); not a mismatch. */
    PARTLY_CHECKED,
    /**
     * Not compared at all: the target could not be read for it (the reason is in {@code
     * differences}).
     */
    UNREAD
  }

  public ItemCheck {
    differences = List.copyOf(differences);
  }

  public static ItemCheck of(String type, String id, String target, List<String> differences) {
    return new ItemCheck(
        type, id, target, differences.isEmpty() ? Status.MATCH : Status.MISMATCH, differences);
  }

  public static ItemCheck missing(String type, String id, String target) {
    return new ItemCheck(
        type, id, target, Status.MISSING, List.of("not found in the target at " + target));
  }

  /**
   * Not known to be in the target as in the bundle: differs, is missing, or could not be compared.
   */
  public boolean bad() {
    return status == Status.MISMATCH || status == Status.MISSING || status == Status.UNREAD;
  }

  /** An item that could not be compared, with the reason. */
  public static ItemCheck unread(String type, String id, String target, String reason) {
    return new ItemCheck(
        type, id, target, Status.UNREAD, List.of("could not be compared: " + reason));
  }
}
