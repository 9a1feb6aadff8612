package ca.gc.fsdh.bot.requests;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where requests are kept, and how they move from one state to the next (runs: {@link RunLeases};
 * plans and results: {@link PlansAndResults}; all three on one table). Every change of state is
 * conditional on the state the caller saw, so that of two concurrent changes exactly one succeeds,
 * on one instance or several.
 *
 * <p>Each change writes, in the same transaction, the Slack messages it causes into the request
 * outbox ({@link Outbox}): a new request its approval message and the requester's message; every
 * change of state the requester's message and an update of the approval message; a finished run
 * ({@link RunLeases#finish}) also its report (to the support thread, then to the requester). A
 * change and its messages are never apart.
 */
public interface RequestStore {
  /** The result of {@link #save}: the request now stored, and whether this call created it. */
  record Saved(MigrationRequest request, Outcome outcome) {
    public enum Outcome {
      CREATED,
      /** The same Slack interaction was seen before: this is the request it created. */
      REPLAYED,
      /** The workspace already has an active request: this is that one. */
      WORKSPACE_BUSY
    }
  }

  Saved save(NewRequest request, Instant now);

  Optional<MigrationRequest> find(long id);

  Optional<MigrationRequest> activeFor(String workspace);

  /** The newest requests of these workspaces, newest first. */
  List<MigrationRequest> forWorkspaces(Collection<String> workspaces, int limit);

  /** Requests in any of these states, oldest first. */
  List<MigrationRequest> inStates(Set<RequestState> states);

  /**
   * Moves {@code id} from {@code from} to {@code to}; true only if it was still in {@code from}.
   */
  boolean transition(long id, RequestState from, RequestState to, Instant now);

  /**
   * Approves or rejects a pending request, recording who, when and why; true only for the winner.
   */
  boolean decide(long id, RequestState to, String decidedBy, Optional<String> reason, Instant now);

  /** Remembers the approval message, so that later updates edit it. */
  void setSupportMessage(long id, String channel, String ts);
}
