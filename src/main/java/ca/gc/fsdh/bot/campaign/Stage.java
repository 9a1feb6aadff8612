package ca.gc.fsdh.bot.campaign;

import java.util.Locale;

/**
 * Where one workspace is in the campaign, from its requests: the newest one decides, except that a
 * workspace once migrated or offboarded stays done.
 */
public enum Stage {
  /** Migrated or offboarded (fully or partly: a partial run's rest is recreated by hand). */
  DONE,
  /** Approved, running. */
  UNDER_WAY,
  /** Waiting for the support team's decision. */
  WAITING,
  /** Rejected, or its run failed: in the support team's or the lead's hands. */
  REJECTED_OR_FAILED,
  /** No request yet, or only cancelled ones. */
  NOT_STARTED;

  /** The stage of a workspace whose newest request is in {@code state} (a request state's name). */
  static Stage ofRequestState(String state) {
    return switch (state) {
      case "SUCCEEDED", "PARTLY_SUCCEEDED" -> DONE;
      case "APPROVED", "RUNNING" -> UNDER_WAY;
      case "PENDING_APPROVAL" -> WAITING;
      case "FAILED", "REJECTED" -> REJECTED_OR_FAILED;
      default -> NOT_STARTED;
    };
  }

  public String messageKey() {
    return "campaign.stage." + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
