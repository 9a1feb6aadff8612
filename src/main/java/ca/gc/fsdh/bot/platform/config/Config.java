package ca.gc.fsdh.bot.platform.config;

import java.util.Map;
import java.util.Optional;

/**
 * Everything the bot needs to run, read once at start from the YAML file and the environment, and
 * checked once by {@link ConfigLoader}.
 *
 * @param databricks authentication per environment name ({@code poc}, {@code prod})
 * @param approvals separation of duties and the nudges of waiting requests ({@code approvals:})
 * @param blobEndpoint where model artifacts are uploaded instead of Azure's {@code
 *     <account>.blob.core.windows.net} (environment {@code AZURE_BLOB_ENDPOINT}; only for the local
 *     Databricks stand-in's blob endpoint, as the core's commands take it)
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
    CampaignSettings campaign,
    Optional<String> blobEndpoint) {

  public Config {
    databricks = Map.copyOf(databricks);
  }
}
