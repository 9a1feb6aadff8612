package ca.gc.fsdh.bot.requests;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import java.util.Optional;
import java.util.Set;

/**
 * What a person asked for, before it is saved.
 *
 * @param originKey identifies the Slack interaction that asked (its trigger id), so that a replayed
 *     or retried request finds the saved one instead of creating a second
 */
public record NewRequest(
    RequestKind kind,
    String workspace,
    String requester,
    Set<ResourceType> resourceTypes,
    RequestOptions options,
    Optional<String> note,
    String originKey) {

  public NewRequest {
    resourceTypes = Set.copyOf(resourceTypes);
  }

  /** What is asked, as the saved request keeps it. */
  public MigrationRequest.Ask ask() {
    return new MigrationRequest.Ask(kind, workspace, requester, resourceTypes, options, note);
  }
}
