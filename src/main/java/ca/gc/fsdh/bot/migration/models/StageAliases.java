package ca.gc.fsdh.bot.migration.models;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Workspace-registry stages as Unity Catalog aliases, the rule of Databricks' own upgrade notebook
 * (docs.databricks.com {@code upgrade-models-to-unity-catalog}): the latest version in {@code
 * Production} becomes {@code champion}, the latest in {@code Staging} becomes {@code challenger}.
 * {@code Archived} and {@code None} have no alias; every version keeps its stage as the tag {@value
 * #STAGE_TAG}, so nothing of it is lost.
 */
public final class StageAliases {
  public static final String STAGE_TAG = "fsdh_poc_stage";
  public static final String PRODUCTION = "champion";
  public static final String STAGING = "challenger";

  private StageAliases() {}

  /** The alias of a stage, if it has one. */
  public static Optional<String> aliasOf(String stage) {
    if ("Production".equalsIgnoreCase(stage)) return Optional.of(PRODUCTION);
    if ("Staging".equalsIgnoreCase(stage)) return Optional.of(STAGING);
    return Optional.empty();
  }

  /**
   * Alias to POC version number for one model: the highest version of each stage that has an alias.
   *
   * @param stages POC version number to its stage
   */
  public static Map<String, Long> of(Map<Long, String> stages) {
    var out = new LinkedHashMap<String, Long>();
    stages.forEach((v, stage) -> aliasOf(stage).ifPresent(a -> out.merge(a, v, Math::max)));
    return out;
  }
}
