package ca.gc.fsdh.bot.migration.plan;

import ca.gc.fsdh.bot.migration.client.RateLimitGroup;
import java.util.List;
import java.util.Map;

/**
 * The inventory a lead and the support team see before anything moves.
 *
 * @param counts items per kind (notebooks, files, directories, repos, jobs, tasks, ...)
 * @param bytes total size of notebooks and files that can be exported
 * @param cannotExport items that will not be exported, with the reason
 * @param notes what needs attention although it is exported (Git credentials, Key Vault...)
 * @param unread what could not be read, with the reason: the counts leave it out
 * @param manual what must be recreated by hand, one line each, with its configuration in the
 *     bundle's {@code manual/}
 * @param calls estimated API calls per endpoint group for the export
 * @param estimatedSeconds the export's duration bound: the largest calls / limit over the groups
 * @param tableAcls where table ACLs land in PROD and what will not carry over; null when the plan
 *     was made without PROD
 */
public record MigrationPlan(
    String host,
    Map<String, Long> counts,
    long bytes,
    List<Issue> cannotExport,
    List<String> notes,
    List<String> unread,
    List<String> manual,
    Map<RateLimitGroup, Long> calls,
    double estimatedSeconds,
    TableAclLanding tableAcls) {

  /** The same plan with where its table ACLs land. */
  public MigrationPlan withTableAcls(TableAclLanding t) {
    return new MigrationPlan(
        host, counts, bytes, cannotExport, notes, unread, manual, calls, estimatedSeconds, t);
  }

  public record Issue(String type, String item, String reason) {}
}
