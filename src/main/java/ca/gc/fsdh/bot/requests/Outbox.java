package ca.gc.fsdh.bot.requests;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The request outbox as its dispatchers see it. The rows are written by {@link RequestStore} in the
 * same transaction as the change they tell. Only the oldest pending message of a request's lane
 * (its head) may be claimed, so the messages of a lane go out in order; a claim is a lease held by
 * one owner until it expires, so an owner that dies leaves its message to another one.
 */
public interface Outbox {
  /**
   * Heads of request lanes that are due ({@code not_before} passed) and not held by a live claim,
   * oldest first.
   */
  List<OutboxMessage> dueHeads(Instant now, int limit);

  /** Claims this head until {@code until}; true only for the one winner. */
  boolean claim(long id, String owner, Instant now, Instant until);

  /** Claims the next head of the request's lane, if it is due and free. */
  Optional<OutboxMessage> claimNext(
      long requestId, MessageKind.Lane lane, String owner, Instant now, Instant until);

  /** The pending messages of the same request and lane after this one, in order. */
  List<OutboxMessage> pendingAfter(OutboxMessage message);

  /**
   * The states of the state messages folded into {@code message} (the ones just before it), oldest
   * first.
   */
  List<RequestState> foldedInto(OutboxMessage message);

  /** Keeps the claim longer (a large upload); false if the claim was lost. */
  boolean extend(long id, String owner, Instant until);

  /** Posted; false if the claim was lost (another owner took it over). */
  boolean posted(long id, String owner, Instant at);

  /** Not posted: a later message of the same request tells it. */
  boolean folded(long id, String owner);

  /** Back to pending, due again from {@code notBefore}. */
  boolean retryAt(long id, String owner, Instant notBefore, boolean failedAttempt, String error);

  /** Slack refused it for good: never posted; the request's next message follows. */
  boolean failed(long id, String owner, String error);
}
