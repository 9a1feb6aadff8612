package ca.gc.fsdh.bot.platform.config;

import java.util.Map;

/**
 * Everything the bot needs to run, read once at start from the YAML file and the environment, and
 * checked once by {@link ConfigLoader}.
 *
 * @param databricks authentication per environment name ({@code poc}, {@code prod})
 * @param approvals separation of duties and the nudges of waiting requests ({@code approvals:})
 * @param campaign the campaign view, its chart and the weekly digest ({@code campaign:})
 */
public record Config(
    int port,
    SlackSettings slack,
    DatabaseSettings database,
    Map<String, DatabricksAuth> databricks,
    WorkspaceDirectory directory,
    Deadlines deadlines,
    BundleSettings bundles,
    ApprovalSettings approvals,
    CampaignSettings campaign) {

  public Config {
    databricks = Map.copyOf(databricks);
  }
}
