/**
 * The bot's typed configuration, read once from the YAML file and the environment and checked once
 * ({@code ConfigLoader}, one line per problem), and who is who: the workspace directory (leads,
 * admins, POC and PROD hosts), the deadlines as configured, and the {@code SupportTeam} port (its
 * Slack implementation lives in the Slack kit). Uses only the JDK, Jackson and the Databricks SDK's
 * config type; imports no other package of the bot (the core's host rule is handed in by the
 * caller).
 */
package ca.gc.fsdh.bot.platform.config;
