package ca.gc.fsdh.bot.requests;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A request to migrate or offboard one workspace, as stored.
 *
 * @param options what else was chosen (notebook format, the lead's OpenPGP public key); JSON
 * @param decidedBy who approved or rejected it, once decided
 * @param supportTs the approval message in the support channel, once posted
 * @param attempt how many times a run was started (retries resume from the journal)
 * @param claimedBy the instance that runs (or last ran) it
 */
public record MigrationRequest(
    long id,
    RequestKind kind,
    String workspace,
    String requester,
    RequestState state,
    Set<ResourceType> resourceTypes,
    RequestOptions options,
    Optional<String> note,
    Instant createdAt,
    Instant updatedAt,
    Optional<String> decidedBy,
    Optional<Instant> decidedAt,
    Optional<String> decisionReason,
    Optional<String> supportChannel,
    Optional<String> supportTs,
    int attempt,
    Optional<String> claimedBy) {

  public MigrationRequest {
    resourceTypes = Set.copyOf(resourceTypes);
  }

  /**
   * The same request as it was in {@code state} (a message telling an earlier change shows that
   * change).
   */
  public MigrationRequest withState(RequestState state) {
    return new MigrationRequest(
        id,
        kind,
        workspace,
        requester,
        state,
        resourceTypes,
        options,
        note,
        createdAt,
        updatedAt,
        decidedBy,
        decidedAt,
        decisionReason,
        supportChannel,
        supportTs,
        attempt,
        claimedBy);
  }

  /** The request number as people read and type it: digits, never grouped ("1234", not "1,234"). */
  public String number() {
    return Long.toString(id);
  }
}
