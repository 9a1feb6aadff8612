package ca.gc.fsdh.bot.requests;

import java.util.Optional;

/**
 * The answer of {@link RequestService} to one action: what happened, and the request concerned when
 * there is one (for a refusal: the request as it is, e.g. who decided first).
 */
public record Outcome(Status status, Optional<MigrationRequest> request) {
  public enum Status {
    DONE,
    /** The same Slack interaction again: nothing new was done. */
    REPLAYED,
    /** The workspace already has an active request. */
    WORKSPACE_BUSY,
    UNKNOWN_WORKSPACE,
    /** A migration was asked for a workspace that has no PROD workspace (offboard only). */
    NO_PROD_WORKSPACE,
    NOT_FOUND,
    NOT_ALLOWED,
    /** The request is no longer in a state where this action applies (someone acted first). */
    WRONG_STATE
  }

  public static Outcome of(Status status, MigrationRequest request) {
    return new Outcome(status, Optional.of(request));
  }

  public static Outcome of(Status status) {
    return new Outcome(status, Optional.empty());
  }

  Outcome withRequest(Optional<MigrationRequest> r) {
    return new Outcome(status, r);
  }

  public boolean done() {
    return status == Status.DONE;
  }
}
