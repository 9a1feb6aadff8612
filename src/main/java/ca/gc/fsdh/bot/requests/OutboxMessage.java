package ca.gc.fsdh.bot.requests;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One Slack message a request change causes, as the outbox keeps it until it is posted.
 *
 * @param seq its place among the request's messages: those of one lane ({@link MessageKind#lane})
 *     are posted in this order
 * @param state the request state it tells
 * @param result what a report tells: the run's stored result
 * @param attempts failed posts so far
 */
public record OutboxMessage(
    long id,
    long requestId,
    int seq,
    MessageKind kind,
    RequestState state,
    Optional<StoredResult> result,
    int attempts,
    Instant createdAt) {

  public MessageKind.Lane lane() {
    return kind.lane();
  }

  /**
   * Whether a later pending message of the same request makes this one pointless, so that it is
   * folded (not posted):
   *
   * <ul>
   *   <li>a state message, when the requester's next pending message is another state message: that
   *       one tells both changes (a report in between keeps this one: the final state comes before
   *       its report);
   *   <li>an approval message update, when another update is pending: each shows the request as it
   *       is now.
   * </ul>
   *
   * @param later the messages of the same request and lane still pending after this one, in order
   */
  public boolean foldsInto(List<OutboxMessage> later) {
    return switch (kind) {
      case REQUESTER_DM -> !later.isEmpty() && later.get(0).kind() == MessageKind.REQUESTER_DM;
      case APPROVAL_UPDATE -> later.stream().anyMatch(m -> m.kind() == MessageKind.APPROVAL_UPDATE);
      case APPROVAL_POST, REPORT_TO_SUPPORT, REPORT_TO_REQUESTER -> false;
    };
  }
}
