package ca.gc.fsdh.bot.requests;

import java.util.List;
import java.util.Optional;

/**
 * The answer of {@link RequestService} to one action: what happened, and the request concerned when
 * there is one (for a refusal: the request as it is, e.g. who decided first).
 *
 * @param others for a refusal by separation of duties: the support members who may decide instead
 */
public record Outcome(Status status, Optional<MigrationRequest> request, List<String> others) {
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
    WRONG_STATE,
    /** Separation of duties: a support member may not decide a request they made. */
    OWN_REQUEST,
    /** Separation of duties: nor one for a workspace they lead. */
    LEADS_WORKSPACE,
    /** Separation of duties: nor one for a workspace they administer. */
    ADMINISTERS_WORKSPACE
  }

  public Outcome {
    others = List.copyOf(others);
  }

  public Outcome(Status status, Optional<MigrationRequest> request) {
    this(status, request, List.of());
  }

  public static Outcome of(Status status, MigrationRequest request) {
    return new Outcome(status, Optional.of(request));
  }

  public static Outcome of(Status status) {
    return new Outcome(status, Optional.empty());
  }

  Outcome withRequest(Optional<MigrationRequest> r) {
    return new Outcome(status, r, others);
  }

  public boolean done() {
    return status == Status.DONE;
  }
}
