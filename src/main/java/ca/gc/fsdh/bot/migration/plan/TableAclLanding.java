package ca.gc.fsdh.bot.migration.plan;

import java.util.List;

/**
 * Where the table ACLs of a plan will land in PROD, and every grant that will not carry over.
 *
 * @param target {@code hive-metastore} or {@code unity-catalog}
 * @param catalog the catalog unmapped databases land in ({@code hive_metastore}, or PROD's default
 *     catalog)
 * @param hiveMetastore whether PROD has a {@code hive_metastore} catalog
 * @param grants legacy grants read on the POC
 * @param notCarried the grants that will not carry over, each with its reason
 * @param problem why the target could not be read or resolved, else null
 */
public record TableAclLanding(
    String target,
    String catalog,
    boolean hiveMetastore,
    int grants,
    List<NotCarried> notCarried,
    String problem) {
  public TableAclLanding {
    notCarried = notCarried == null ? List.of() : List.copyOf(notCarried);
  }

  /**
   * One grant that will not carry over.
   *
   * @param grant the legacy grant ({@code SELECT on TABLE `db`.`t` to p})
   * @param reason a {@code UcTranslation.Reason} name, which Slack words in both languages
   * @param text the reason and what to do instead, in English (the command line's plan)
   */
  public record NotCarried(String grant, String reason, String text) {}
}
