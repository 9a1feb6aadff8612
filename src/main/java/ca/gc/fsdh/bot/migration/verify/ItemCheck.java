package ca.gc.fsdh.bot.migration.verify;

import java.util.List;

/**
 * The verification of one item: what it is in the bundle, where it is in the target, and every
 * difference found (empty when it matches).
 */
public record ItemCheck(String type, String id, String target, Status status, List<String> differences) {
  public enum Status {
    MATCH,
    MISMATCH,
    MISSING,
    /** Present, but a part could not be compared (said in {@code differences}); not a mismatch. */
    PARTLY_CHECKED
  }

  public ItemCheck {
    differences = List.copyOf(differences);
  }

  public static ItemCheck of(String type, String id, String target, List<String> differences) {
    return new ItemCheck(type, id, target, differences.isEmpty() ? Status.MATCH : Status.MISMATCH, differences);
  }

  public static ItemCheck missing(String type, String id, String target) {
    return new ItemCheck(type, id, target, Status.MISSING, List.of("not found in the target at " + target));
  }

  public boolean bad() {
    return status == Status.MISMATCH || status == Status.MISSING;
  }
}
