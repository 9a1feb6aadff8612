package ca.gc.fsdh.bot.requests;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A request to migrate or offboard one workspace, as stored: what was asked, where it is, how
 * support decided, where its approval message is, and its runs.
 *
 * @param decision once support approved or rejected it
 * @param supportMessage the approval message in the support channel, once posted
 */
public record MigrationRequest(
    long id,
    Ask ask,
    RequestState state,
    Instant createdAt,
    Instant updatedAt,
    Optional<Decision> decision,
    Optional<SupportMessage> supportMessage,
    Run run) {

  /**
   * What was asked, and by whom.
   *
   * @param options what else was chosen (notebook format, the lead's OpenPGP public key)
   */
  public record Ask(
      RequestKind kind,
      String workspace,
      String requester,
      Set<ResourceType> resourceTypes,
      RequestOptions options,
      Optional<String> note) {
    public Ask {
      resourceTypes = Set.copyOf(resourceTypes);
    }
  }

  /** Who approved or rejected it, when, and why (a rejection's reason). */
  public record Decision(String by, Instant at, Optional<String> reason) {}

  /** The approval message in Slack: its channel (null in a row that kept only the ts) and ts. */
  public record SupportMessage(String channel, String ts) {}

  /**
   * @param attempt how many times a run was started (retries resume from the journal)
   * @param claimedBy the instance that runs (or last ran) it
   */
  public record Run(int attempt, Optional<String> claimedBy) {
    public static final Run NOT_YET = new Run(0, Optional.empty());
  }

  /** A request just saved: pending approval, undecided, not posted, never run. */
  public static MigrationRequest saved(long id, Ask ask, Instant at) {
    return new MigrationRequest(
        id,
        ask,
        RequestState.PENDING_APPROVAL,
        at,
        at,
        Optional.empty(),
        Optional.empty(),
        Run.NOT_YET);
  }

  /**
   * The same request as it was in {@code state} (a message telling an earlier change shows that
   * change).
   */
  public MigrationRequest withState(RequestState state) {
    return new MigrationRequest(
        id, ask, state, createdAt, updatedAt, decision, supportMessage, run);
  }

  /** The request number as people read and type it: digits, never grouped ("1234", not "1,234"). */
  public String number() {
    return Long.toString(id);
  }

  public RequestKind kind() {
    return ask.kind();
  }

  public String workspace() {
    return ask.workspace();
  }

  public String requester() {
    return ask.requester();
  }

  public Set<ResourceType> resourceTypes() {
    return ask.resourceTypes();
  }

  public RequestOptions options() {
    return ask.options();
  }

  public Optional<String> note() {
    return ask.note();
  }
}
